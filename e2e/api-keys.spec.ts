import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an admin creates an API key, sees it once, and revokes it after confirming", async ({ page }) => {
  await signIn(page, "admin@leadgate.test", "/board");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api-docs");

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
});

test("non-admins don't see or reach the API keys page", async ({ page }) => {
  await signIn(page, "manager@leadgate.test");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.goto("/admin/api-keys");
  await expect(page).toHaveURL(/\/board\?denied=1/);
  await expect(page.getByText("Your role doesn't have access to that page.")).toBeVisible();
});
