import { expect, test } from "@playwright/test";
import { column, expectNoSeriousA11yViolations, firstMovableCard, openSignedIn } from "./support";

test("the board has no serious accessibility violations for a manager, with the outcomes shown", async ({ page }) => {
  // Two full axe passes over a board of some 200 cards.
  test.setTimeout(90_000);
  await openSignedIn(page, "manager@leadgate.test");
  await expect(column(page, "SAL").getByTestId("lead-card").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: /Show outcomes/ }).click();
  await expect(column(page, "WON")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the board has no serious accessibility violations for a sales rep, with a Move menu open", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  const mql = await firstMovableCard(page, "MQL");
  await expectNoSeriousA11yViolations(page);
  await mql.card.getByRole("button", { name: `Move ${mql.name}` }).click();
  await expect(page.getByRole("menuitem").first()).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});

test("the lead table, with its muted empty cells, and its filters have no serious accessibility violations", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads?owner=unassigned");
  await expect(page.getByRole("table", { name: "Leads" }).locator("tbody tr").first()).toContainText("Unassigned");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByLabel("Score from")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the users page stays readable with a deactivated user listed", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/admin/users");
  await page.getByLabel("Name").fill("Ada Inactive");
  await page.getByLabel("E-mail").fill("ada-inactive@leadgate.test");
  await page.getByLabel("Role", { exact: true }).selectOption("MARKETER");
  await page.getByLabel("Initial password").fill("ada-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: "ada-inactive@leadgate.test" });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: "Deactivate Ada Inactive?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await expectNoSeriousA11yViolations(page);
});

test("the API keys page stays readable with a revoked key listed", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/admin/api-keys");
  await page.getByLabel("Key name").fill("Axe revoked key");
  await page.getByRole("button", { name: "Create key" }).click();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Axe revoked key" });
  await row.getByRole("button", { name: "Revoke Axe revoked key" }).click();
  await page.getByRole("dialog", { name: "Revoke “Axe revoked key”?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await page.reload();
  await expect(row).toContainText("Revoked");
  await expectNoSeriousA11yViolations(page);
});

test("a drop the marketer may not make is refused with the reason, shown and announced", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const mql = await firstMovableCard(page, "MQL");
  await mql.card.getByRole("button", { name: `Drag ${mql.name}` }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Over the MQL column.")).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/^Over the SAL column/)).toBeAttached();
  await page.keyboard.press("Space");

  const reason = "Only sales reps and managers can accept an MQL.";
  await expect(page.getByTestId("refused-drop")).toHaveText(reason);
  await expect(page.getByTestId("refused-drop")).toBeVisible();
  const announcement = page.getByRole("status").filter({ hasText: reason });
  await expect(announcement).toHaveText(reason);
  await expect(page.getByRole("status").filter({ hasText: /Dropped/ })).toHaveCount(0);
  await expect(column(page, "MQL").locator(`[data-lead-id="${mql.id}"]`)).toBeVisible();
  await expect(column(page, "SAL").locator(`[data-lead-id="${mql.id}"]`)).toHaveCount(0);
});
