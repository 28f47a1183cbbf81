import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

test("a marketer imports a CSV of leads: suggested mapping, preview with the bad row, progress, summary, bad rows download", async ({ page }, testInfo) => {
  const run = Date.now();
  const file = testInfo.outputPath("trade-show-leads.csv");
  writeFileSync(
    file,
    [
      "Email Address;First Name;Company Name;Employees;Badge",
      `ada.${run}@analytical.example;Ada;"Analytical Engines; Ltd.";"1,200";A-17`,
      `grace.${run}@navy.example;Grace;Navy Lab;lots;B-02`,
      `linus.${run}@kernel.example;Linus;"Kernel`,
      `Org";25;C-33`,
    ].join("\n"),
  );

  await openSignedIn(page, "marketer@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import from CSV", level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Leads/ })).toBeChecked();
  await page.getByLabel("CSV file").setInputFiles(file);

  await expect(page.getByRole("heading", { name: "Map columns to fields" })).toBeFocused();
  await expect(page.getByText("trade-show-leads.csv: 3 rows of leads, separated by semicolons")).toBeVisible();
  await expect(page.getByLabel("Import column Email Address as")).toHaveValue("email");
  await expect(page.getByLabel("Import column First Name as")).toHaveValue("firstName");
  await expect(page.getByLabel("Import column Company Name as")).toHaveValue("company");
  await expect(page.getByLabel("Import column Employees as")).toHaveValue("companySize");
  await expect(page.getByLabel("Import column Badge as")).toHaveValue("");

  const rows = page.getByTestId("preview-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("Ready");
  await expect(rows.nth(1)).toContainText('Company size "lots": Is not a number');
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText("3");
  await expect(rows.nth(2).getByRole("rowheader")).toHaveText("4");
  await expect(page.getByTestId("preview-summary")).toHaveText("2 of the first 3 rows are ready; 1 has a problem and won't be imported, but reported.");

  // Unmapping the e-mail says why the import can't start; mapping it back clears that.
  await page.getByLabel("Import column Email Address as").selectOption("");
  await expect(page.getByText("Choose the column that holds the e-mail address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
  await page.getByLabel("Import column Email Address as").selectOption("email");
  await page.getByLabel("Import column Badge as").selectOption("custom.badge");

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  const progress = page.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuemax", "3");
  await expect(progress).toHaveAttribute("aria-valuenow", "3");
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const summary = page.getByTestId("import-summary");
  await expect(summary.getByRole("definition").nth(0)).toHaveText("2");
  await expect(summary).toContainText("New leads");
  await expect(summary).toContainText("Bad rows, not imported");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download 1 bad row" }).click();
  const saved = await (await download).path();
  const lines = readFileSync(saved, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("Line,Field,Reason,Original row");
  expect(lines[1]).toMatch(new RegExp(`^3,Company size,"Company size ""lots"": Is not a number.*",grace\\.${run}@navy\\.example;Grace;Navy Lab;lots;B-02$`));
  expect(lines).toHaveLength(2);
});

test("an import with a few bad rows: counts that add up, the first bad rows, their download, and exactly the imported leads in the table", async ({ page }, testInfo) => {
  const run = Date.now();
  const email = (name: string) => `${name}.${run}@reconcile.example`;
  const file = testInfo.outputPath("mixed-leads.csv");
  writeFileSync(
    file,
    [
      "Email,First Name,Last Name,Employees",
      `${email("ada")},Ada,Reconcile${run},10`,
      `${email("grace")},Grace,Reconcile${run},20`,
      "not-an-address,Bad,Reconcile,30",
      `${email("linus")},Linus,Reconcile${run},plenty`,
      `${email("ada")},Ada,Reconcile${run},15`,
      `,Nobody,Reconcile,40`,
      `${email("alan")},Alan,Reconcile${run},50`,
    ].join("\n"),
  );

  await openSignedIn(page, "marketer@leadgate.test", "/import");
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 7 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();

  await expect(page.getByTestId("import-reconciliation")).toHaveText(
    "7 rows read = 3 new leads + 0 existing leads updated + 1 repeated e-mails, merged + 3 bad rows, not imported",
  );
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("E-mails Leadgate didn't know: a lead was created.");

  const badRows = page.getByTestId("bad-row");
  await expect(page.getByRole("heading", { name: "The 3 bad rows" })).toBeVisible();
  await expect(badRows).toHaveCount(3);
  await expect(badRows.nth(0).getByRole("rowheader")).toHaveText("4");
  await expect(badRows.nth(0)).toContainText("E-mail");
  await expect(badRows.nth(0)).toContainText('"not-an-address": Must be a valid e-mail address.');
  await expect(badRows.nth(1).getByRole("rowheader")).toHaveText("5");
  await expect(badRows.nth(1)).toContainText("Company size");
  await expect(badRows.nth(1)).toContainText('"plenty": Is not a number');
  await expect(badRows.nth(2).getByRole("rowheader")).toHaveText("7");
  await expect(badRows.nth(2)).toContainText("Is empty; every lead needs an e-mail address.");
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download 3 bad rows" }).click();
  const lines = readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(4);
  expect(lines[0]).toBe("Line,Field,Reason,Original row");
  expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(["4,E-mail", "5,Company size", "7,E-mail"]);

  await page.getByRole("link", { name: "View 3 imported leads" }).click();
  await page.waitForURL((url) => url.pathname === "/leads" && url.searchParams.has("import"));
  await expect(page.getByTestId("import-filter")).toContainText("Showing only the leads one CSV import created or updated");
  await expect(page.getByTestId("lead-total")).toHaveText("3 leads");
  await expect(page.getByTestId("score-legend")).toBeVisible();
  const names = await page.getByRole("table", { name: "Leads" }).locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(names.map((name) => name.trim()).sort()).toEqual([`Ada Reconcile${run}`, `Alan Reconcile${run}`, `Grace Reconcile${run}`]);

  await page.getByRole("button", { name: "Show all leads" }).click();
  await expect(page.getByTestId("import-filter")).toBeHidden();
  await expect(page).not.toHaveURL(/import=/);
});
