import { expect } from "@playwright/test";
import { openSignedIn, signIn, test } from "./support";

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

test("signing in returns to the page asked for, and signing out ends the session", async ({ page, endsSavedSession }) => {
  endsSavedSession("manager@leadgate.test");
  await signIn(page, "manager@leadgate.test", "/board?owner=unassigned");
  await expect(page.getByTestId("current-user")).toHaveText("Morgan Manager");
  await expect(page.getByLabel("Owner", { exact: true })).toHaveValue("unassigned");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/board");
  await expect(page).toHaveURL(/\/signin/);
});

test("only admins reach the users page", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/board\?denied=1/);
  await expect(page.getByText("Your role doesn't have access to that page.")).toBeVisible();
});

test.describe("before the page's JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form cannot send the password in a URL", async ({ page }) => {
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill("marketer@leadgate.test");
    await page.getByLabel("Password").fill("secret-in-url-check");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await page.getByLabel("Password").press("Enter");
    await page.getByRole("button", { name: "Sign in" }).click({ force: true });
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(page.url()).not.toContain("secret-in-url-check");
    expect(urls.filter((url) => url.includes("secret-in-url-check") || url.includes("password="))).toEqual([]);
  });
});

test("after 10 failed sign-ins for one e-mail the page says how long to wait", async ({ page }) => {
  // An e-mail without an account: throttled all the same, and no seeded user gets locked out.
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill("nobody@leadgate.test");
  await page.getByLabel("Password").fill("not-the-password");
  const attempt = async () => {
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    return (await answered).status();
  };
  for (let i = 0; i < 10; i++) expect(await attempt()).toBe(401);
  expect(await attempt()).toBe(429);
  await expect(page.getByText("Too many attempts; try again in 15 minutes.")).toBeVisible();
});
