import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

test("an admin creates an API key, sees it once, and revokes it after confirming", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/board");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api-docs");

  const scopes = page.getByRole("group", { name: "What may it do?" });
  for (const label of ["Send leads, events and history", "Read leads and metrics", "Backtest, suggest and change scoring; train models"]) {
    await expect(scopes.getByLabel(label)).toBeChecked();
  }
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Key name").fill("Browser test sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const keyField = page.getByLabel("Your new API key");
  await expect(keyField).toBeFocused();
  await expect(page.getByText("Copy it now: it won't be shown again")).toBeVisible();
  const key = await keyField.inputValue();
  expect(key).toMatch(/^lg_live_[A-Za-z0-9_-]{43}$/);

  const row = page.getByTestId("api-key-row").filter({ hasText: "Browser test sync" });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await expect(row.getByRole("listitem")).toHaveText(["ingest", "read", "scoring"]);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Key name").fill("Browser test sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("An active key already has this name; choose another.")).toBeVisible();

  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByLabel("Your new API key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(12));

  await row.getByRole("button", { name: "Revoke Browser test sync" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke “Browser test sync”?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke Browser test sync" }).click();
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "requests with it are refused" })).toBeVisible();
  // A revoked key's row is greyed out, but still readable.
  await expectNoSeriousA11yViolations(page);
});

test("an admin gives a key only the scopes it needs, and the API holds it to them", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/admin/api-keys");
  const scopes = page.getByRole("group", { name: "What may it do?" });
  await page.getByLabel("Key name").fill("Browser test reporting");

  // No scope at all is refused, naming what to fix; the form keeps what was entered.
  for (const label of ["Send leads, events and history", "Read leads and metrics", "Backtest, suggest and change scoring; train models"]) {
    await scopes.getByLabel(label).uncheck();
  }
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(scopes).toContainText("Choose at least one thing the key may do.");
  // Named by the label the form shows, not the field's name in the code ("scopes").
  await expect(page.getByText("Check the form: What may it do? Choose at least one thing the key may do.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Key name")).toHaveValue("Browser test reporting");
  await expectNoSeriousA11yViolations(page);

  // By keyboard: Space ticks the focused box.
  await scopes.getByLabel("Read leads and metrics").focus();
  await page.keyboard.press("Space");
  await expect(scopes.getByLabel("Read leads and metrics")).toBeChecked();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("Your new API key").inputValue();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Browser test reporting" });
  await expect(row.getByRole("listitem")).toHaveText(["read"]);
  await expect(scopes.getByLabel("Send leads, events and history")).toBeChecked();

  const headers = { Authorization: `Bearer ${key}` };
  expect((await page.request.get("/api/v1/leads?limit=1", { headers })).status()).toBe(200);
  const refused = await page.request.post("/api/v1/events", { headers, data: { email: "refused@prospect.example", type: "page_view" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain('"ingest"');

  // A phone shows the form and the list without scrolling the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("non-admins don't see or reach the API keys page", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.goto("/admin/api-keys");
  await expect(page).toHaveURL(/\/board\?denied=1/);
  await expect(page.getByText("Your role doesn't have access to that page.")).toBeVisible();
});
