import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("visitors who are not signed in only see the sign-in page", async ({ page }) => {
  await page.goto("/board");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fboard$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill("marketer@leadgate.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That e-mail and password don't match an active account.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("signing in returns to the page asked for, and signing out ends the session", async ({ page }) => {
  await signIn(page, "manager@leadgate.test", "/board?owner=unassigned");
  await expect(page.getByTestId("current-user")).toHaveText("Morgan Manager");
  await expect(page.getByLabel("Owner", { exact: true })).toHaveValue("unassigned");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/board");
  await expect(page).toHaveURL(/\/signin/);
});

test("only admins reach the users page", async ({ page }) => {
  await signIn(page, "sales@leadgate.test");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/board\?denied=1/);
  await expect(page.getByText("Your role doesn't have access to that page.")).toBeVisible();
});
