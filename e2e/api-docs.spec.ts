import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("the API page documents every endpoint from the OpenAPI description", async ({ page }) => {
  await signIn(page, "admin@leadgate.test", "/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "Leadgate API" })).toBeVisible();
  for (const endpoint of ["POST /api/v1/leads", "GET /api/v1/leads", "GET /api/v1/leads/{id}", "POST /api/v1/events"]) {
    await expect(page.getByRole("heading", { level: 2, name: endpoint, exact: true })).toBeVisible();
  }
  const events = page.getByRole("region", { name: "POST /api/v1/events", exact: true });
  await expect(events.getByText("idempotencyKey").first()).toBeVisible();
  await expect(events.getByText("429")).toBeVisible();
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
});
