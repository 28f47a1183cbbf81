import Database from "better-sqlite3";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

// The browser tests' server reads this file (scripts/e2e-server.sh).
const E2E_DATABASE = path.resolve(".tmp/e2e.db");

// A phone held upright.
const PHONE = { width: 390, height: 844 };

/** The not-found page as the person sees it: a 404, the page's own heading, the app's navigation, nothing axe objects to. */
async function expectNotFoundPage(page: Page, path: string, heading: string) {
  expect((await page.request.get(path)).status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

test("an unknown lead id shows the lead's not-found page inside the app; its link leads to the board", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads/no-such-lead");
  await expectNotFoundPage(page, "/leads/no-such-lead", "This lead doesn't exist");
  await page.getByRole("link", { name: "Go to the funnel board" }).click();
  await page.waitForURL("/board");
});

test("an unknown path shows the app's not-found page; its link leads to the person's start page", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test", "/no/such/page");
  await expectNotFoundPage(page, "/no/such/page", "There is no page at this address");
  await page.getByRole("link", { name: "Go to your start page" }).click();
  await page.waitForURL("/review");
});

test("a page that fails to render shows the error page in the app: the digest, never the error; Try again shows the page once it can", async ({ page }) => {
  const database = new Database(E2E_DATABASE);
  database.pragma("busy_timeout = 5000");
  const lead = database.prepare(`SELECT id, firstName, lastName, createdAt FROM "Lead" WHERE stage = 'LEAD' ORDER BY id LIMIT 1`).get() as { id: string; firstName: string; lastName: string; createdAt: number };
  // A stored date the database layer cannot read: the lead's page fails on the server.
  const breakLead = database.prepare(`UPDATE "Lead" SET createdAt = 'not a date' WHERE id = ?`);
  const repairLead = database.prepare(`UPDATE "Lead" SET createdAt = ? WHERE id = ?`);
  try {
    breakLead.run(lead.id);
    await openSignedIn(page, "manager@leadgate.test", `/leads/${lead.id}`);
    const heading = page.getByRole("heading", { level: 1, name: "This page couldn't be shown" });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByText("If you contact support, give them this reference:")).toBeVisible();
    await expect(page.locator("main")).not.toContainText("not a date");
    await expectNoSeriousA11yViolations(page);

    repairLead.run(lead.createdAt, lead.id);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${lead.firstName} ${lead.lastName}` })).toBeVisible();
  } finally {
    repairLead.run(lead.createdAt, lead.id);
    database.close();
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("both not-found pages fit the screen, and their links lead on", async ({ page }) => {
    const fitsTheScreen = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await openSignedIn(page, "sales@leadgate.test", "/leads/no-such-lead");
    await expectNotFoundPage(page, "/leads/no-such-lead", "This lead doesn't exist");
    await fitsTheScreen();
    await expect(page.getByRole("link", { name: "Go to the funnel board" })).toBeInViewport();

    await page.goto("/no/such/page");
    await expectNotFoundPage(page, "/no/such/page", "There is no page at this address");
    await fitsTheScreen();
    await page.getByRole("link", { name: "Go to your start page" }).click();
    await page.waitForURL("/queue");
  });
});
