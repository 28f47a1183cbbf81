import { expect, test } from "@playwright/test";
import { cardById, signIn } from "./support";

// The flow: a marketer edits a rule, previews, saves, watches the re-score finish, and
// a lead crosses into MQL with the reason shown. The lead is whichever one the preview names,
// so the test doesn't depend on what other specs did to the demo data.
test("a marketer lowers the MQL threshold, previews, saves, and a lead crosses into MQL with the reason shown", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "marketer@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scoring" }).click();
  await page.waitForURL("/settings/scoring");
  await expect(page.getByRole("heading", { level: 1, name: /Scoring/ })).toBeVisible();

  const threshold = page.getByLabel("Total score at least");
  const lowered = Number(await threshold.inputValue()) - 10;
  await threshold.fill(String(lowered));
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("rules-preview");
  await expect(preview.getByTestId("preview-become-mql")).toHaveText(/^[1-9][\d,]*$/, { timeout: 20_000 });
  const example = preview.getByTestId("preview-example").first();
  await expect(example).toBeVisible();
  const link = example.getByRole("link");
  const name = await link.innerText();
  const leadId = ((await link.getAttribute("href")) ?? "").replace("/leads/", "");
  expect(leadId).not.toBe("");

  await page.getByLabel("Note for this version").fill(`Threshold ${lowered} for the browser test`);
  const save = page.getByRole("button", { name: /^Save as v\d+$/ });
  const version = Number((await save.innerText()).replace("Save as v", ""));
  await save.click();

  const progress = page.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("rescore-progress")).toContainText(/Re-scored [\d,]+ leads: [1-9][\d,]* became MQL/);
  await expect(page.getByText(`v${version} active`)).toBeVisible();
  const newest = page.getByTestId("rule-set-version").first();
  await expect(newest).toContainText(`v${version}`);
  await expect(newest).toContainText("Active");
  await expect(newest).toContainText(`Threshold ${lowered} for the browser test`);

  await page.goto(`/board?q=${encodeURIComponent(name)}`);
  await expect(cardById(page, "MQL", leadId)).toBeVisible();

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId("lead-stage")).toContainText("MQL");
  const move = page.getByRole("region", { name: "Stage history" }).getByTestId("stage-history-entry").first();
  await expect(move).toContainText(/Score \d+ \(fit \d+, engagement \d+\) reached the MQL threshold of/);
  await expect(move).toContainText(`${lowered}`);
  await expect(move).toContainText(`scoring rules v${version}`);
});
