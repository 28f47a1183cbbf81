import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { column, DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn, test } from "./support";

const SIGNED_OUT = "You were signed out. Sign in again to continue.";

// Next keeps an empty route announcer with role="alert" on every page.
const notice = (page: Page) => page.getByRole("alert").filter({ hasText: "You were signed out" });

/** The sign-in address that says the session ended and returns to `page` afterwards. */
function signInAgainUrl(page: string): RegExp {
  return new RegExp(`/signin\\?${new URLSearchParams({ callbackUrl: page, reason: "signed-out" })}$`);
}

async function expectLive(page: Page) {
  await expect(page.getByTestId("live-indicator")).toContainText("appear here within a few seconds");
}

/** Signs in as the admin and ends all of `email`'s sessions from the Users page. */
async function endSessionsAsAdmin(page: Page, email: string) {
  await signIn(page, "admin@leadgate.test", "/admin/users");
  await page.getByTestId("user-row").filter({ hasText: email }).getByRole("button", { name: "End sessions" }).click();
  await page.getByRole("dialog", { name: /End .*'s sessions\?/ }).getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByText("is signed out everywhere")).toBeVisible();
}

async function signInAgain(page: Page, email: string) {
  await expect(notice(page)).toHaveText(SIGNED_OUT);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Saving a note on the lead page of an ended session: sign-in, back on the lead, the note not saved. */
async function expectNoteSendsToSignInAndBack(page: Page, leadId: string, text: string) {
  const notes = page.getByRole("region", { name: "Activity" });
  await notes.getByLabel("Add a note").fill(text);
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(page).toHaveURL(signInAgainUrl(`/leads/${leadId}`), { timeout: 5_000 });

  await signInAgain(page, "sales@leadgate.test");
  await page.waitForURL(`/leads/${leadId}`);
  await expect(notes.getByTestId("activity").filter({ hasText: text })).toHaveCount(0);
}

test("an open board whose session cookie is gone goes to sign-in within seconds, says why, and comes back after signing in", async ({ page }) => {
  await signIn(page, "manager@leadgate.test", "/board?owner=unassigned");
  await expectLive(page);

  await page.context().clearCookies();
  await expect(page).toHaveURL(signInAgainUrl("/board?owner=unassigned"), { timeout: 5_000 });
  await expect(notice(page)).toHaveText(SIGNED_OUT);
  await expectNoSeriousA11yViolations(page);

  await signInAgain(page, "manager@leadgate.test");
  await page.waitForURL((url) => url.pathname === "/board" && url.searchParams.get("owner") === "unassigned");
  await expect(page.getByLabel("Owner", { exact: true })).toHaveValue("unassigned");
  await expectLive(page);
});

test("an open board goes to sign-in once an admin ends that user's sessions", async ({ page, browser, endsSavedSession }) => {
  endsSavedSession("sales@leadgate.test");
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, "sales@leadgate.test", "/board?owner=me");
  await expectLive(sales);

  await endSessionsAsAdmin(page, "sales@leadgate.test");

  await expect(sales).toHaveURL(signInAgainUrl("/board?owner=me"), { timeout: 5_000 });
  await signInAgain(sales, "sales@leadgate.test");
  await sales.waitForURL((url) => url.pathname === "/board" && url.searchParams.get("owner") === "me");
  await salesContext.close();
});

test("saving a note after signing out in another tab goes to sign-in instead of hanging, and back to the lead after", async ({ page, endsSavedSession }) => {
  endsSavedSession("sales@leadgate.test");
  await signIn(page, "sales@leadgate.test", "/board?owner=me");
  const id = (await column(page, "SAL").getByTestId("lead-card").first().getAttribute("data-lead-id")) ?? "";
  await page.goto(`/leads/${id}`);

  const otherTab = await page.context().newPage();
  await otherTab.goto("/board");
  await otherTab.getByRole("button", { name: "Sign out" }).click();
  // Not waitForURL: the board's live poll may reach sign-in first and abort the sign-out's own navigation.
  await expect(otherTab).toHaveURL(/\/signin/);
  await otherTab.close();

  await expectNoteSendsToSignInAndBack(page, id, "Written after the session ended");
});

test("saving a note after an admin ended the session (the cookie is still there) goes to sign-in, and back to the lead after", async ({ page, browser, endsSavedSession }) => {
  endsSavedSession("sales@leadgate.test");
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, "sales@leadgate.test", "/board?owner=me");
  const id = (await column(sales, "SAL").getByTestId("lead-card").first().getAttribute("data-lead-id")) ?? "";
  await sales.goto(`/leads/${id}`);

  await endSessionsAsAdmin(page, "sales@leadgate.test");

  await expectNoteSendsToSignInAndBack(sales, id, "Written after an admin ended the session");
  await salesContext.close();
});
