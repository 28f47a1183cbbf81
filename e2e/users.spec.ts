import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

test("an admin adds a user, changes their role and deactivates them after confirming", async ({ page, browser }) => {
  await openSignedIn(page, "admin@leadgate.test", "/admin/users");
  await page.getByLabel("Name").fill("Robin Rep");
  await page.getByLabel("E-mail").fill("robin@leadgate.test");
  await page.getByLabel("Role", { exact: true }).selectOption("SALES");
  await page.getByLabel("Initial password").fill("robin-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Robin Rep can now sign in as sales rep");
  const row = page.getByTestId("user-row").filter({ hasText: "robin@leadgate.test" });
  await expect(row).toContainText("Active");

  await page.getByLabel("E-mail").fill("robin@leadgate.test");
  await page.getByLabel("Name").fill("Robin Again");
  await page.getByLabel("Initial password").fill("robin-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("This e-mail is already in use.")).toBeVisible();

  await row.getByLabel("Role of Robin Rep").selectOption("MARKETER");
  await expect(row.getByLabel("Role of Robin Rep")).toHaveValue("MARKETER");

  await row.getByRole("button", { name: "Deactivate" }).click();
  const confirm = page.getByRole("dialog", { name: "Deactivate Robin Rep?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  const robin = await (await browser.newContext()).newPage();
  await robin.goto("/signin");
  await robin.getByLabel("E-mail").fill("robin@leadgate.test");
  await robin.getByLabel("Password").fill("robin-password-1");
  await robin.getByRole("button", { name: "Sign in" }).click();
  await expect(robin.getByText("don't match an active account")).toBeVisible();
});

test("an admin resets a password: the user's sessions end, and they must choose a new one before anything else", async ({ page, browser }) => {
  await openSignedIn(page, "admin@leadgate.test", "/admin/users");
  await page.getByLabel("Name").fill("Quinn Reset");
  await page.getByLabel("E-mail").fill("quinn@leadgate.test");
  // A marketer: an active sales rep would join routing and take MQLs other tests expect.
  await page.getByLabel("Role", { exact: true }).selectOption("MARKETER");
  await page.getByLabel("Initial password").fill("quinn-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: "quinn@leadgate.test" });
  await expect(row).toContainText("Never");

  // Quinn signs in (recorded as the last sign-in) and keeps a page open.
  const quinnContext = await browser.newContext();
  let quinn = await quinnContext.newPage();
  await quinn.goto("/signin");
  await quinn.getByLabel("E-mail").fill("quinn@leadgate.test");
  await quinn.getByLabel("Password").fill("quinn-password-1");
  await quinn.getByRole("button", { name: "Sign in" }).click();
  await quinn.waitForURL((url) => url.pathname === "/review");
  await page.reload();
  await expect(row).toContainText("just now");
  await expect(page.getByTestId("user-row").filter({ hasText: "admin@leadgate.test" }).getByRole("button", { name: "Reset password" })).toHaveCount(0);

  // Asked first; Cancel changes nothing.
  await row.getByRole("button", { name: "Reset password" }).click();
  const confirm = page.getByRole("dialog", { name: "Reset Quinn Reset's password?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await row.getByRole("button", { name: "Reset password" }).focus();
  await page.keyboard.press("Enter");
  await confirm.getByRole("button", { name: "Reset password" }).click();
  const shown = page.getByLabel("Temporary password for Quinn Reset");
  await expect(shown).toBeFocused();
  const temporary = await shown.inputValue();
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await expect(row).toContainText("must choose a new one");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);

  // Quinn's session has ended; the old password is gone. The page Quinn kept open finds out on
  // its next live poll and goes to sign-in by itself, which would cut a navigation of the test's
  // short, so a new page (same cookies) asks instead.
  await quinn.close();
  quinn = await quinnContext.newPage();
  await quinn.goto("/review");
  await expect(quinn).toHaveURL(/\/signin/);
  await quinn.getByLabel("E-mail").fill("quinn@leadgate.test");
  await quinn.getByLabel("Password").fill("quinn-password-1");
  await quinn.getByRole("button", { name: "Sign in" }).click();
  await expect(quinn.getByText("don't match an active account")).toBeVisible();

  // With the temporary password, every page leads to the change first.
  await quinn.getByLabel("Password").fill(temporary);
  await quinn.getByRole("button", { name: "Sign in" }).click();
  await quinn.waitForURL((url) => url.pathname === "/change-password");
  await quinn.goto("/board");
  await expect(quinn).toHaveURL(/\/change-password$/);
  await expect(quinn.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await quinn.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(quinn);
  expect(await quinn.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await quinn.getByLabel("Temporary password").fill(temporary);
  await quinn.getByLabel("New password", { exact: true }).fill("quinns-own-password");
  await quinn.getByLabel("New password again").fill("quinns-own-passwrd");
  await quinn.getByRole("button", { name: "Change password" }).click();
  await expect(quinn.getByText("The two new passwords don't match.", { exact: true })).toBeVisible();
  await quinn.getByLabel("New password again").fill("quinns-own-password");
  await quinn.getByLabel("New password again").press("Enter");
  await quinn.waitForURL((url) => url.pathname === "/review");
  await quinn.goto("/board");
  await expect(quinn).toHaveURL(/\/board$/);
  await quinnContext.close();
});
