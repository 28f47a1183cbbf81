import { expect } from "@playwright/test";
import { signIn, test } from "./support";

test("a session cookie saved before sign-out no longer opens the board", async ({ page, browser, endsSavedSession }) => {
  endsSavedSession("manager@leadgate.test");
  await signIn(page, "manager@leadgate.test");
  const saved = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Not waitForURL: the board's live poll may find the session ended and go to sign-in first,
  // which aborts the sign-out's own navigation to the same page.
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const replayed = await replay.newPage();
  await replayed.goto("/board");
  await expect(replayed).toHaveURL(/\/signin/);
  await replay.close();
});

test("an admin ends another user's sessions after confirming", async ({ page, browser, endsSavedSession }) => {
  endsSavedSession("sales@leadgate.test");
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, "sales@leadgate.test");

  await signIn(page, "admin@leadgate.test", "/admin/users");
  const self = page.getByTestId("user-row").filter({ hasText: "admin@leadgate.test" });
  await expect(self.getByRole("button", { name: "End sessions" })).toHaveCount(0);
  const row = page.getByTestId("user-row").filter({ hasText: "sales@leadgate.test" });
  await row.getByRole("button", { name: "End sessions" }).click();
  const confirm = page.getByRole("dialog", { name: /End .*'s sessions\?/ });
  await confirm.getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByText("is signed out everywhere")).toBeVisible();

  await sales.goto("/board");
  await expect(sales).toHaveURL(/\/signin/);
  await salesContext.close();
});
