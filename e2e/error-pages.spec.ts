import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

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
