import { readFileSync, writeFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { plantedHistory } from "../tests/support/history";
import { DEMO_API_KEY, column, expectNoSeriousA11yViolations, openSignedIn } from "./support";

const api = { Authorization: `Bearer ${DEMO_API_KEY}` };
const percents = (texts: string[]) => texts.map((text) => Number(text.replace(/[^\d]/g, "")));
const descending = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1] >= value);

async function waitForJob(request: APIRequestContext, id: string): Promise<string> {
  let status = "";
  await expect
    .poll(
      async () => {
        status = (await (await request.get(`/api/v1/jobs/${id}`, { headers: api })).json()).job.status;
        return status === "succeeded" || status === "failed";
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  return status;
}

/** Past leads with a planted signal, a model trained on all the history there is, and the model activated. */
async function activateModelOnHistory(request: APIRequestContext, prefix: string) {
  const { records } = plantedHistory(300, { prefix });
  const imported = await request.post("/api/v1/history", { headers: api, data: { records } });
  expect(imported.status()).toBe(200);
  expect((await imported.json()).summary.failed).toBe(0);

  const training = await request.post("/api/v1/scoring/models", { headers: api, data: { target: "WON" } });
  expect(training.status()).toBe(202);
  const { model, job } = await training.json();
  expect(await waitForJob(request, job.id)).toBe("succeeded");
  const activated = await request.post(`/api/v1/scoring/models/${model.id}/activate`, { headers: api });
  expect(activated.status()).toBe(200);
  expect(await waitForJob(request, (await activated.json()).job.id)).toBe("succeeded");
  return model.version as number;
}

test("a marketer imports past leads from a CSV; once a model scores leads, the lead page, table and board show how likely each is to buy", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const run = Date.now();
  const file = testInfo.outputPath("crm-history.csv");
  writeFileSync(
    file,
    [
      "email,first_name,last_name,company,industry,created_at,mql_at,sal_at,sql_at,won_at,lost_at,lost_reason",
      `won.${run}@past.example,Wendy,Won,Oldco,Software,2025-01-06,2025-01-20,2025-01-21,2025-02-03,2025-03-14,,`,
      `lost.${run}@past.example,Larry,Lost,Lostco,Retail,2025-02-10,2025-02-24,2025-02-25,,,2025-04-01,No budget`,
      `early.${run}@past.example,Erin,Early,Earlyco,Retail,2025-03-01,,,,2025-02-01,,`,
    ].join("\n"),
  );

  // The wizard's history kind: the example to start from, the suggested mapping, the bad row named by its column.
  await openSignedIn(page, "marketer@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await page.getByRole("radio", { name: /Past leads with outcomes \(history\)/ }).check();
  await expect(page.getByRole("link", { name: "Download an example history CSV" })).toHaveAttribute("download", "leadgate-history-example.csv");
  await page.getByLabel("CSV file").setInputFiles(file);
  await expect(page.getByRole("heading", { name: "Map columns to fields" })).toBeFocused();
  await expect(page.getByText("crm-history.csv: 3 rows of past leads with outcomes, separated by commas")).toBeVisible();
  await expect(page.getByLabel("Import column created_at as")).toHaveValue("createdAt");
  await expect(page.getByLabel("Import column won_at as")).toHaveValue("wonAt");
  await expect(page.getByLabel("Import column lost_reason as")).toHaveValue("lostReason");
  const rows = page.getByTestId("preview-row");
  await expect(rows.nth(0)).toContainText("Ready");
  await expect(rows.nth(2)).toContainText("won_at: WON on 2025-02-01 is before the lead was created (2025-03-01).");

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Past leads added");
  await expect(summary.getByRole("definition").nth(0)).toHaveText("2");
  await expect(summary.getByRole("definition").nth(2)).toHaveText("1");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download 1 bad row" }).click();
  const badRows = readFileSync(await (await download).path(), "utf8");
  expect(badRows).toContain("4,won_at,won_at: WON on 2025-02-01 is before the lead was created (2025-03-01).");

  // A model learns from the history and scores every lead (through the API, as an integration would).
  const prefix = `likely${run}-`;
  const modelVersion = await activateModelOnHistory(page.request, prefix);

  // The lead page: the chance, what moved it, and that it is a model's estimate.
  await page.goto(`/leads?q=${encodeURIComponent(`${prefix}0@history.example`)}`);
  await page.getByRole("table", { name: "Leads" }).locator("tbody tr").first().getByRole("link").click();
  const likely = page.getByTestId("lead-probability");
  await expect(likely.getByRole("heading", { name: /^Likely to buy: \d{1,3} %$/ })).toBeVisible();
  await expect(likely.getByRole("heading", { name: "What raises it" })).toBeVisible();
  await expect(likely.getByRole("heading", { name: "What lowers it" })).toBeVisible();
  await expect(likely.getByRole("listitem").first()).toContainText(/(raises|lowers) it (slightly|somewhat|strongly)/);
  await expect(likely).toContainText(`An estimate by predictive model v${modelVersion}, learned from past leads`);
  await expectNoSeriousA11yViolations(page);

  // The lead table: the column, sorted likeliest first, and the filter in percent.
  await page.goto(`/leads?q=${encodeURIComponent(`${prefix}`)}&cols=name,company,stage,totalScore`);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Likely to buy" }).check();
  await expect(page).toHaveURL(/cols=.*probability/);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("button", { name: /^Likely to buy/ }).click();
  await expect(page).toHaveURL(/sort=probability\.desc/);
  await expect(page.getByRole("columnheader", { name: /Likely to buy/ })).toHaveAttribute("aria-sort", "descending");
  const cells = page.getByRole("table", { name: "Leads" }).locator("tbody tr td:last-child");
  await expect(cells.first()).toHaveText(/^\d{1,3} %$/);
  const sorted = percents(await cells.allInnerTexts());
  expect(sorted.length).toBeGreaterThan(10);
  expect(descending(sorted)).toBe(true);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Filters" }).click();
  const threshold = sorted[Math.floor(sorted.length / 2)];
  await page.getByLabel("Likely to buy (%) from").fill(String(threshold));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`probMin=${threshold}`));
  await expect(cells.last()).toHaveText(/^\d{1,3} %$/);
  expect(percents(await cells.allInnerTexts()).every((percent) => percent >= threshold)).toBe(true);

  // The board: cards show the chance and can be sorted by it.
  await page.goto(`/board?q=${encodeURIComponent(prefix)}`);
  await page.getByLabel("Sort cards by").selectOption("probability");
  await expect(page).toHaveURL(/sort=probability/);
  const chances = column(page, "LEAD").getByTestId("card-probability");
  await expect(chances.first()).toHaveText(/^\d{1,3} % likely$/);
  expect(descending(percents(await chances.allInnerTexts()))).toBe(true);
  // …and filtered by it, from the keyboard: only cards at or above the chance chosen stay.
  await page.getByLabel("Likely to buy", { exact: true }).focus();
  await page.getByLabel("Likely to buy", { exact: true }).selectOption("25");
  await expect(page).toHaveURL(/probMin=25/);
  await expect(page).toHaveURL(/sort=probability/);
  await expect(async () => expect(percents(await chances.allInnerTexts()).every((percent) => percent >= 25)).toBe(true)).toPass();

  // With a model active, the MQL threshold may be the chance instead of points; the preview counts what it would do.
  await page.goto("/settings/scoring");
  await expect(page.getByLabel("Total score at least")).toBeVisible();
  await page.getByRole("radio", { name: /^Likely to buy at least a percent you set/ }).check();
  await expect(page.getByLabel("Total score at least")).toBeHidden();
  await page.getByLabel("Likely to buy at least (%)").fill("1");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("preview-become-mql")).toHaveText(/^[1-9][\d,]*$/, { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByLabel("Total score at least")).toBeVisible();
});
