import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { cardById, columnCount, firstMovableCard, openMoveMenu, openSignedIn } from "./support";

async function signedInPage(browser: Browser, email: string, destination?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openSignedIn(page, email, destination);
  return page;
}

/** Waits until the board has its first change token, so any later change counts as new. */
async function expectLive(page: Page) {
  await expect(page.getByTestId("live-indicator")).toContainText("appear here within a few seconds");
}

/** A mark that a full page load would wipe out. */
async function markThePage(page: Page) {
  await page.evaluate(() => Object.assign(window, { leadgateNotReloaded: true }));
}

async function wasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { leadgateNotReloaded?: boolean }).leadgateNotReloaded === true);
}

test("a lead the manager moves shows in its new column on the marketer's open board within 5 s, without a reload", async ({ page, browser }) => {
  await openSignedIn(page, "manager@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  // Searched by name, so the lead is on the first page of whichever column it is in.
  const marketer = await signedInPage(browser, "marketer@leadgate.test", `/board?q=${encodeURIComponent(lead.name)}`);
  await expect(cardById(marketer, "LEAD", lead.id)).toBeVisible();
  await expectLive(marketer);
  await markThePage(marketer);

  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /Mark as MQL/ }).click();

  await expect(cardById(marketer, "MQL", lead.id)).toBeVisible({ timeout: 5_000 });
  await expect(cardById(marketer, "LEAD", lead.id)).toHaveCount(0);
  expect(await wasNotReloaded(marketer)).toBe(true);
  await marketer.context().close();
});

test("an open move dialog and what was typed in it survive another person's change", async ({ page, browser }) => {
  const marketer = await signedInPage(browser, "marketer@leadgate.test");
  await expectLive(marketer);
  const mql = await firstMovableCard(marketer, "MQL");
  const leadsBefore = await columnCount(marketer, "LEAD");
  await openMoveMenu(mql.card, mql.name);
  await marketer.getByRole("menuitem", { name: /Send to nurture/ }).click();
  const dialog = marketer.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Budget frozen until next year");

  await openSignedIn(page, "manager@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /Mark as MQL/ }).click();

  await expect.poll(() => columnCount(marketer, "LEAD"), { timeout: 5_000 }).toBe(leadsBefore - 1);
  await expect(dialog.getByLabel("Reason")).toHaveValue("Budget frozen until next year");
  await dialog.getByRole("button", { name: "Send to nurture" }).click();
  await expect(dialog).toBeHidden();
  await expect(marketer.getByTestId("toast-success")).toContainText(`${mql.name} moved to LEAD`);
  await marketer.context().close();
});

test("the Live indicator says Reconnecting… while the server can't be reached, and Live again after", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  const indicator = page.getByTestId("live-indicator");
  await expectLive(page);
  await page.route("**/api/live", (route) => route.abort("connectionrefused"));
  await expect(indicator).toContainText("Reconnecting…", { timeout: 10_000 });
  await page.unroute("**/api/live");
  await expectLive(page);
});

test("the production server passes the change check through uncached: ETag, no-cache, 304 when nothing changed", async ({ page }) => {
  expect((await page.request.get("/api/live")).status()).toBe(401);
  await openSignedIn(page, "sales@leadgate.test");
  const first = await page.request.get("/api/live");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toBe(`"${(await first.json()).token}"`);
  expect(first.headers()["cache-control"]).toBe("no-cache");
  expect((await page.request.get("/api/live", { headers: { "If-None-Match": etag } })).status()).toBe(304);
});
