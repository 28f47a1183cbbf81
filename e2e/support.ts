import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { test as base, expect } from "@playwright/test";

export const DEMO_PASSWORD = "leadgate-demo";
/** The key the browser tests' server registers as its demo API key (playwright.config.ts): every scope. */
export const DEMO_API_KEY = "lg_live_browser-tests-only-demo-key";
export const DEMO_WRITE_KEY = "lg_pub_browser_tests_demo_site";
/** The demo users the browser tests sign in as (prisma/seed/demo-users.ts). */
export const DEMO_EMAILS = ["marketer@leadgate.test", "sales@leadgate.test", "sales2@leadgate.test", "manager@leadgate.test", "admin@leadgate.test"] as const;

/** Signs in through the real form. For tests about signing in; the others use openSignedIn. */
export async function signIn(page: Page, email: string, destination = "/board") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(destination)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === destination.split("?")[0]);
}

// Git-ignored with the rest of .tmp; each run's server has a fresh database, so a run's sessions
// are worthless to the next one, which saves its own.
const SAVED_SESSIONS = path.join(__dirname, "../.tmp/e2e-sessions");
const savedSessionFile = (email: string) => path.join(SAVED_SESSIONS, `${email}.json`);

/** Signs `email` in through the real form in a browser of its own and saves the session (cookies) for openSignedIn. */
export async function saveSignedInSession(browser: Browser, email: string) {
  const context = await browser.newContext();
  try {
    await signIn(await context.newPage(), email);
    await context.storageState({ path: savedSessionFile(email) });
  } finally {
    await context.close();
  }
}

/**
 * Opens `destination` signed in as `email` with the session e2e/sign-in.setup.ts saved, instead
 * of signing in through the form again: its cookies join the page's browser context.
 */
export async function openSignedIn(page: Page, email: string, destination = "/board") {
  const saved = JSON.parse(readFileSync(savedSessionFile(email), "utf8")) as Awaited<ReturnType<BrowserContext["storageState"]>>;
  await page.context().addCookies(saved.cookies);
  await page.goto(destination);
  if (new URL(page.url()).pathname === "/signin") {
    throw new Error(`${email}'s saved session has ended: a test signed them out or ended their sessions without endsSavedSession.`);
  }
  await page.waitForURL((url) => url.pathname === destination.split("?")[0]);
}

/**
 * The browser tests' `test`, with `endsSavedSession(email)` for a test that signs a demo user
 * out or has an admin end their sessions: that ends every session of theirs, the saved one too
 * (lib/server/auth/current-user.ts compares session versions), so after the test they are signed in
 * through the form again and saved anew, and the tests after it still start signed in.
 */
export const test = base.extend<{ endsSavedSession: (email: string) => void }>({
  // Not named `use`, which the React hooks lint rule takes for React's.
  endsSavedSession: async ({ browser }, runTest) => {
    const ended = new Set<string>();
    await runTest((email) => ended.add(email));
    for (const email of ended) await saveSignedInSession(browser, email);
  },
});

export function column(page: Page, stage: string): Locator {
  return page.getByTestId(`column-${stage}`);
}

export function cardById(page: Page, stage: string, leadId: string): Locator {
  return column(page, stage).locator(`[data-lead-id="${leadId}"]`);
}

export async function columnCount(page: Page, stage: string): Promise<number> {
  return Number((await column(page, stage).getByTestId("column-count").innerText()).replace(/,/g, ""));
}

/** The first card in a column that the signed-in user may move (it has a Move menu). */
export async function firstMovableCard(page: Page, stage: string): Promise<{ card: Locator; id: string; name: string; version: number }> {
  const card = column(page, stage)
    .getByTestId("lead-card")
    .filter({ has: page.getByRole("button", { name: /^Move / }) })
    .first();
  await expect(card).toBeVisible();
  const id = (await card.getAttribute("data-lead-id")) ?? "";
  const name = await card.locator("p").first().innerText();
  return { card, id, name, version: Number(await card.getAttribute("data-version")) };
}

export async function openMoveMenu(card: Locator, name: string) {
  await card.getByRole("button", { name: `Move ${name}` }).click();
}

/** Fails the test on any serious or critical accessibility violation axe finds on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  // A server action's refresh streams the page's metadata in again; checking in that moment would judge a page half-drawn.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
