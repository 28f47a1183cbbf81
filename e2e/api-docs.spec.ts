import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

test("the API page documents every endpoint from the OpenAPI description", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/api-docs");
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

test("every endpoint shows an example request and response from the OpenAPI description, copied by keyboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openSignedIn(page, "marketer@leadgate.test", "/api-docs");
  const sections = page.getByRole("region", { name: /^(GET|POST) \/api\/v1\// });
  const count = await sections.count();
  expect(count).toBeGreaterThanOrEqual(14);
  for (let index = 0; index < count; index++) {
    const section = sections.nth(index);
    await expect(section.getByRole("button", { name: /^Copy example request for / })).toHaveCount(1);
    await expect(section.getByRole("button", { name: /^Copy example response for / })).toHaveCount(1);
  }

  const leads = page.getByRole("region", { name: "POST /api/v1/leads", exact: true });
  await expect(leads.getByText('"email": "ada.lovelace@analytical.example"').first()).toBeVisible();
  await expect(leads).toContainText("Response 201");
  const copyRequest = leads.getByRole("button", { name: "Copy example request for POST /api/v1/leads" });
  await copyRequest.focus();
  await page.keyboard.press("Enter");
  await expect(leads.getByRole("status").first()).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('curl -X POST "$LEADGATE_URL/api/v1/leads"');
  expect(copied).toContain('"email": "ada.lovelace@analytical.example"');

  // The same examples are in the machine-readable description.
  const openapi = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(openapi.paths["/leads"].post.requestBody.content["application/json"].example.email).toBe("ada.lovelace@analytical.example");

  await expectNoSeriousA11yViolations(page);
});
