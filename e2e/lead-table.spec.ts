import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openSignedIn } from "./support";

const rows = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "Leads" }).locator("tbody tr");

test("a manager lands on the Overdue view; views, sorting and paging are links", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads");
  await expect(page).toHaveURL(/view=overdue/);
  await expect(page.getByRole("link", { name: "Overdue", exact: true })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "All leads" }).click();
  await expect(page).toHaveURL(/view=all/);
  // Other tests may have imported leads; the demo has 1,000 recent leads and 2,500 past ones.
  await expect(page.getByTestId("lead-total")).toHaveText(/^3,\d{3} leads$/);
  const total = (await page.getByTestId("lead-total").innerText()).replace(" leads", "");

  await page.getByRole("button", { name: /^Company/ }).click();
  await expect(page).toHaveURL(/sort=company\.asc/);
  await expect(page.getByRole("columnheader", { name: /Company/ })).toHaveAttribute("aria-sort", "ascending");
  // Leads other tests imported have no company ("—"); SQLite puts them first.
  const companies = (await rows(page).locator("td:nth-child(3)").allInnerTexts()).filter((company) => company !== "—");
  // The database orders text by character code, as SQLite and PostgreSQL's C collation do.
  expect(companies.slice(0, 5)).toEqual([...companies.slice(0, 5)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(`51–100 of ${total} leads`, { exact: true })).toBeVisible();

  // The URL is the whole state: opening it fresh shows the same table.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByText(`51–100 of ${total} leads`, { exact: true })).toBeVisible();
});

test("keyboard: move between rows, select with Space, open with Enter", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads?view=all");
  const first = rows(page).first();
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const second = rows(page).nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press(" ");
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("1 selected")).toBeVisible();
  const leadId = await second.getAttribute("data-lead-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}\\?from=%2Fleads%3F`));
});

test("filters and columns; a view saved for the team shows for a teammate", async ({ page, browser }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads?view=all");
  await page.getByRole("group", { name: "Stages" }).getByRole("button", { name: "SQL" }).click();
  await expect(page).toHaveURL(/stage=SQL/);
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByLabel("Score from").fill("60");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/minScore=60/);
  const scores = await rows(page).locator("td:nth-child(6)").allInnerTexts();
  expect(scores.length).toBeGreaterThan(0);
  expect(scores.every((score) => Number(score) >= 60)).toBe(true);

  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Industry" }).check();
  await expect(page).toHaveURL(/cols=.*industry/);
  await expect(page.getByRole("columnheader", { name: /Industry/ })).toBeVisible();

  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Strong SQLs");
  await page.getByRole("dialog").getByLabel("Share with the team").check();
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText('View "Strong SQLs" saved and shared with the team.')).toBeVisible();
  await expect(page.getByRole("link", { name: /Strong SQLs/ })).toHaveAttribute("aria-current", "page");

  const teammate = await browser.newPage();
  await openSignedIn(teammate, "sales@leadgate.test", "/leads");
  await expect(teammate).toHaveURL(/view=my-queue/);
  await teammate.getByRole("link", { name: /Strong SQLs/ }).click();
  await expect(teammate).toHaveURL(/stage=SQL/);
  await expect(teammate).toHaveURL(/minScore=60/);
  await expect(teammate.getByRole("columnheader", { name: /Industry/ })).toBeVisible();
  await teammate.close();
});

test("bulk mark MQL on a mixed selection reports per row, and the selection exports as CSV", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test", "/leads?stage=LEAD,SAL&sort=name.asc&size=25");
  // The table streams in after its skeleton.
  await expect(rows(page).first()).toBeVisible();
  const stageCells = rows(page).locator("td:nth-child(4)");
  const stages = await stageCells.allInnerTexts();
  const leadIndex = stages.findIndex((text) => text.startsWith("LEAD"));
  const salIndex = stages.findIndex((text) => text.startsWith("SAL"));
  expect(leadIndex).toBeGreaterThanOrEqual(0);
  expect(salIndex).toBeGreaterThanOrEqual(0);
  const leadName = await rows(page).nth(leadIndex).locator("td:nth-child(2)").innerText();
  const salName = await rows(page).nth(salIndex).locator("td:nth-child(2)").innerText();
  await page.getByRole("checkbox", { name: `Select ${leadName}` }).check();
  await page.getByRole("checkbox", { name: `Select ${salName}` }).check();
  await expect(page.getByText("2 selected")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8").trim().split("\r\n");
  expect(csv).toHaveLength(3);
  expect(csv.slice(1).map((line) => line.split(",")[1]).sort()).toEqual([leadName, salName].sort());

  await page.getByRole("button", { name: "Mark as MQL" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Mark as MQL" }).click();
  const results = page.getByTestId("bulk-results");
  await expect(results).toContainText("Mark as MQL: 1 done, 1 refused.");
  await expect(results.getByRole("list", { name: "Refused leads" })).toContainText(`${salName}: Mark as MQL applies to leads in LEAD; this lead is in SAL`);
  await expect(page.getByText(leadName, { exact: true })).toHaveCount(0);
});
