import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./support";

test("the API page documents every endpoint from the OpenAPI description", async ({ page }) => {
  await signIn(page, "admin@leadgate.test", "/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "Leadgate API" })).toBeVisible();
  const endpoints = [
    "POST /api/v1/leads",
    "GET /api/v1/leads",
    "GET /api/v1/leads/{id}",
    "POST /api/v1/events",
    "GET /api/v1/metrics/funnel",
    "POST /api/v1/history",
    "POST /api/v1/scoring/backtest",
    "POST /api/v1/scoring/suggestions",
    "POST /api/v1/scoring/rule-sets",
    "POST /api/v1/scoring/models",
    "GET /api/v1/scoring/models",
    "GET /api/v1/scoring/models/{id}",
    "POST /api/v1/scoring/models/{id}/activate",
    "GET /api/v1/jobs/{id}",
  ];
  for (const endpoint of endpoints) {
    await expect(page.getByRole("heading", { level: 2, name: endpoint, exact: true })).toBeVisible();
  }
  const events = page.getByRole("region", { name: "POST /api/v1/events", exact: true });
  await expect(events.getByText("idempotencyKey").first()).toBeVisible();
  await expect(events.getByText("429")).toBeVisible();
  await expect(events).toContainText("Needs a key with the ingest scope (Send leads, events and history).");
  await expect(events.getByText("403")).toBeVisible();

  const history = page.getByRole("region", { name: "POST /api/v1/history", exact: true });
  await expect(history.getByRole("cell", { name: "HistoryRecord[]" })).toBeVisible();
  const backtest = page.getByRole("region", { name: "POST /api/v1/scoring/backtest", exact: true });
  await expect(backtest).toContainText("Needs a key with the scoring scope");
  await expect(backtest.getByRole("cell", { name: /ScoringRules/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "GET /api/v1/jobs/{id}", exact: true })).toContainText("Any API key with at least one scope may call it.");

  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 2, name: "POST /api/v1/scoring/models/{id}/activate", exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
});
