import { writeFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { plantedHistory } from "../tests/support/history";
import { DEMO_API_KEY, column, expectNoSeriousA11yViolations, openSignedIn } from "./support";

const api = { Authorization: `Bearer ${DEMO_API_KEY}` };
const DAY_MS = 86_400_000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

const asNumber = (text: string) => Number(text.replace(/[^\d.]/g, ""));

/** Past leads with outcomes through POST /api/v1/history, for a demo seed that has none. */
async function importHistory(page: Page) {
  const { records } = plantedHistory(900, { prefix: "e2e-past" });
  for (let start = 0; start < records.length; start += 500) {
    const response = await page.request.post("/api/v1/history", { headers: api, data: { records: records.slice(start, start + 500) } });
    expect(response.status()).toBe(200);
    expect((await response.json()).summary.failed).toBe(0);
  }
}

async function auc(report: Locator): Promise<number> {
  await expect(report.getByTestId("backtest-auc")).toHaveText(/^0\.\d\d$|^1\.00$/, { timeout: 30_000 });
  return Number(await report.getByTestId("backtest-auc").innerText());
}

test("a marketer imports a history CSV, backtests the rules, saves suggested points as a new version, and trains, activates and stops a model", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openSignedIn(page, "marketer@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scoring" }).click();
  await page.waitForURL("/settings/scoring");
  await expect(page.getByRole("heading", { level: 2, name: "Scoring lab" })).toBeVisible();
  const backtests = page.getByTestId("lab-backtest");
  const active = page.getByTestId("backtest-active");

  // The demo seed brings a year of history; without it, the lab says how to import one, and the test does.
  await backtests.getByRole("button", { name: /^Backtest the active rules \(v\d+\)$/ }).click();
  await expect(active.getByTestId("backtest-auc").or(active.getByTestId("lab-empty-history"))).toBeVisible({ timeout: 30_000 });
  if (await active.getByTestId("lab-empty-history").isVisible()) {
    await expect(active.getByRole("link", { name: "Import page" })).toHaveAttribute("href", "/import");
    await importHistory(page);
    await backtests.getByRole("button", { name: /^Backtest the active rules/ }).click();
  }
  const scoredBefore = asNumber(await active.getByTestId("backtest-scored").innerText({ timeout: 30_000 }));

  // A CRM's lifecycle export through the import wizard's history mode: its decided leads join the backtest.
  const run = Date.now();
  const file = testInfo.outputPath("crm-lifecycle.csv");
  writeFileSync(
    file,
    [
      "email,first_name,company,industry,created_at,mql_at,sql_at,won_at,lost_at,lost_reason",
      `won.${run}@lab.example,Wanda,Oldco,Software,${isoDay(300)},${isoDay(290)},${isoDay(280)},${isoDay(250)},,`,
      `lost.${run}@lab.example,Larry,Lostco,Retail,${isoDay(300)},${isoDay(290)},,,${isoDay(260)},No budget`,
      `stalled.${run}@lab.example,Stella,Quietco,Retail,${isoDay(200)},,,,,`,
    ].join("\n"),
  );
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await page.getByRole("radio", { name: /Past leads with outcomes/ }).check();
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-summary")).toContainText("Past leads added");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scoring" }).click();
  await backtests.getByRole("button", { name: /^Backtest the active rules/ }).click();
  await expect(active.getByTestId("backtest-scored")).toHaveText((scoredBefore + 3).toLocaleString("en-US"), { timeout: 30_000 });

  const activeAuc = await auc(active);
  expect(activeAuc).toBeGreaterThan(0.5);
  await expect(active.getByTestId("backtest-auc-words")).toHaveText(new RegExp(`^Ranks a buyer above a non-buyer ${Math.round(activeAuc * 100)}\\s% of the time; 50\\s% is chance\\.$`));
  await expect(active.getByTestId("backtest-threshold")).toContainText(/The MQL threshold would have passed \d+\s% of these leads/);

  // The decile table accounts for every lead scored, best tenth first.
  const deciles = active.getByTestId("decile-lift");
  await deciles.getByRole("button", { name: "Table view" }).click();
  await expect(deciles.getByRole("button", { name: "Table view" })).toHaveAttribute("aria-pressed", "true");
  const rows = deciles.getByRole("table").getByRole("row");
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText(/^Top 10\s%$/);
  const scored = asNumber(await active.getByTestId("backtest-scored").innerText());
  const leadCells = await deciles.getByRole("table").locator("tbody tr td:nth-of-type(2)").allInnerTexts();
  expect(leadCells.reduce((total, cell) => total + asNumber(cell), 0)).toBe(scored);

  // A suggestion is learned from older leads and judged, with the active rules, on the newest.
  await page.getByRole("button", { name: "Suggest points from history" }).click();
  const suggestion = page.getByTestId("suggestion-result");
  await expect(suggestion).toBeVisible({ timeout: 30_000 });
  await expect(suggestion).toContainText(/Learned from the [\d,]+ older leads with an outcome/);
  const suggestedAuc = await auc(suggestion.getByTestId("backtest-suggested"));
  expect(suggestedAuc).toBeGreaterThan(await auc(suggestion.getByTestId("backtest-suggested-active")));
  const suggestedRules = suggestion.getByTestId("suggested-rules");
  await suggestedRules.getByText(/^Show the [\d,]+ fit rules? and [\d,]+ engagement rules?$/).click();
  await expect(suggestedRules.getByRole("table", { name: "Suggested engagement rules with the leads behind them" }).getByRole("row").nth(1)).toBeVisible();
  await suggestion.getByRole("button", { name: "Use these rules" }).click();

  await expect(page.getByRole("heading", { name: "Suggested points loaded into the editor" })).toBeFocused();
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await expect(page.getByLabel("Note for this version")).toHaveValue(/^Suggested from [\d,]+ past leads/);
  await backtests.getByRole("button", { name: "Backtest the draft" }).click();
  const draft = page.getByTestId("backtest-draft");
  await expect(draft).toContainText("The draft in the editor (unsaved)");
  expect(await auc(draft)).toBeGreaterThan(activeAuc);

  const save = page.getByRole("button", { name: /^Save as v\d+$/ });
  const version = Number((await save.innerText()).replace("Save as v", ""));
  await save.click();
  const rescore = page.getByTestId("rescore-progress");
  await expect(rescore.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(rescore).toContainText(/Re-scored [\d,]+ leads/);
  await expect(page.getByText(`v${version} active`)).toBeVisible();
  await expect(page.getByTestId("suggestion-loaded")).toHaveCount(0);
  await expect(page.getByText(`No changes since v${version}`)).toBeVisible();

  // A model trains as a job, then is judged against the rules on the same held-out leads.
  await page.getByRole("button", { name: "Train a model" }).click();
  const model = page.getByTestId("model-row").first();
  await expect(model.getByText("Ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("The model is trained.")).toBeVisible();
  await expect(model.getByTestId("model-auc")).toHaveText(/^Held-out ROC AUC 0\.\d\d vs 0\.\d\d for the active rules on the same leads$/);
  const modelVersion = await model.getAttribute("data-model-version");
  await model.getByRole("button", { name: `Details of model v${modelVersion}` }).click();
  const details = model.getByTestId("model-details");
  await expect(details).toContainText("Brier score");
  await expect(details).toContainText("Log loss");
  await expect(details.getByRole("heading", { name: "What raises the chance most" })).toBeVisible();
  await details.getByTestId("model-calibration").getByRole("button", { name: "Table view" }).click();
  await expect(details.getByTestId("model-calibration").getByRole("table")).toContainText("Predicted");

  await model.getByRole("button", { name: `Activate model v${modelVersion}` }).click();
  const confirm = page.getByRole("dialog", { name: `Activate model v${modelVersion}?` });
  await expect(confirm).toContainText("Every lead will be re-scored");
  await confirm.getByRole("button", { name: "Activate and re-score" }).click();
  await expect(page.getByRole("heading", { name: `Leads re-scored with model v${modelVersion}` })).toBeVisible({ timeout: 30_000 });
  await expect(model.getByText("Active", { exact: true })).toBeVisible();

  // The lab with its results open passes axe, and a phone doesn't scroll sideways.
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 2, name: "Scoring lab" })).toBeVisible();
  // The charts follow the new width on their next resize observation, so the width is polled.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Every lead now has the model's probability: on its page, and through the API.
  await page.goto("/board");
  const leadId = await column(page, "LEAD").getByTestId("lead-card").first().getAttribute("data-lead-id");
  const read = await page.request.get(`/api/v1/leads/${leadId}`, { headers: api });
  const { lead } = await read.json();
  expect(lead.score.probability).toBeGreaterThan(0);
  expect(lead.score.probability).toBeLessThan(1);
  await page.goto(`/leads/${leadId}`);
  const probability = page.getByTestId("lead-probability");
  // As the lead page words it: a whole percent, never 0 or 100 for what is only nearly so.
  await expect(probability).toContainText(`${Math.min(99, Math.max(1, Math.round(lead.score.probability * 100)))} %`);
  await expect(probability).toContainText(`predictive model v${modelVersion}`);

  // Stopping the model, after confirming, takes every lead's probability away.
  await page.goto("/settings/scoring");
  const activeModel = page.getByTestId("model-row").filter({ has: page.getByText("Active", { exact: true }) });
  await activeModel.getByRole("button", { name: "Stop using the model" }).click();
  const stop = page.getByRole("dialog", { name: `Stop using model v${modelVersion}?` });
  await expect(stop).toContainText("Leads lose their probability");
  await stop.getByRole("button", { name: "Stop using it" }).click();
  await expect(page.getByText("No model is in use now")).toBeVisible();
  await expect(activeModel).toHaveCount(0);
  const after = await (await page.request.get(`/api/v1/leads/${leadId}`, { headers: api })).json();
  expect(after.lead.score.probability).toBeNull();
});

test("the lab names the rule a draft breaks, and a manager's window must be at least 7 days", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/settings/scoring");
  await page.getByLabel("Total score at least").fill("");
  await page.getByRole("button", { name: "Backtest the draft" }).click();
  const errors = page.getByTestId("draft-errors");
  await expect(errors).toContainText("MQL threshold, total score:");
  await expect(page.getByText("Fix these in the editor above, then backtest again:")).toBeVisible();

  const window = page.getByLabel("Maturity window (days)");
  await window.fill("3");
  await page.getByRole("button", { name: "Save as the team's default" }).click();
  await expect(page.getByText("Not saved: fix the marked field.")).toBeVisible();
  await expect(page.getByText("The maturity window must be at least 7 days.")).toBeVisible();
  await expect(window).toHaveAttribute("aria-invalid", "true");
});
