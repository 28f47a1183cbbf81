import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, test } from "./support";

const HOMES = [
  { email: "marketer@leadgate.test", home: "/review", heading: "MQL review" },
  { email: "sales@leadgate.test", home: "/queue", heading: "Sales queue" },
  { email: "manager@leadgate.test", home: "/dashboard", heading: "Dashboard" },
  { email: "admin@leadgate.test", home: "/admin/users", heading: "Users" },
] as const;

/** Signs in from the bare sign-in page, as someone opening the app would: no page asked for. */
async function signInToHome(page: Page, email: string, home: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === home);
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const countIn = (text: string) => Number(text.replace(/\D/g, ""));

for (const { email, home, heading } of HOMES) {
  test(`${email} lands on ${home}, with the board one click away`, async ({ page }) => {
    await signInToHome(page, email, home);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Funnel board" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/");
    await page.waitForURL((url) => url.pathname === home);
  });
}

test("the review's link counts the leads waiting for a marketer's decision", async ({ page }) => {
  await signInToHome(page, "marketer@leadgate.test", "/review");
  const waiting = countIn(await page.getByTestId("review-tab-near").getByTestId("review-tab-count").innerText());
  expect(waiting).toBeGreaterThan(0);
  const link = mainNav(page).getByRole("link", { name: `MQL review, ${waiting.toLocaleString("en-US")} waiting`, exact: true });
  await expect(link).toBeVisible();
  await expect(link.getByTestId("nav-count")).toHaveText(waiting.toLocaleString("en-US"));
  await expect(mainNav(page).getByRole("link", { name: /^Sales queue/ })).toHaveCount(0);
});

test("the queue's link counts the rep's MQLs past the SLA; a manager's counts every rep's", async ({ page, endsSavedSession }) => {
  endsSavedSession("sales@leadgate.test");
  await signInToHome(page, "sales@leadgate.test", "/queue");
  const overdue = countIn(await page.getByTestId("queue-overdue").innerText());
  expect(overdue).toBeGreaterThan(0);
  await expect(mainNav(page).getByRole("link", { name: `Sales queue, ${overdue.toLocaleString("en-US")} overdue`, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signInToHome(page, "manager@leadgate.test", "/dashboard");
  await expect(mainNav(page).getByRole("link", { name: /^MQL review, [\d,]+ waiting$/ })).toBeVisible();
  const everyRep = mainNav(page).getByRole("link", { name: /^Sales queue, [\d,]+ overdue$/ });
  const managerCount = countIn(await everyRep.getByTestId("nav-count").innerText());
  await everyRep.click();
  await page.waitForURL((url) => url.pathname === "/queue");
  await expect(page.getByTestId("queue-overdue")).toHaveText(`${managerCount.toLocaleString("en-US")} MQLs overdue`);
  expect(managerCount).toBeGreaterThanOrEqual(overdue);
});

test("the skip link is the first stop and moves focus to the page's content", async ({ page }) => {
  await signInToHome(page, "manager@leadgate.test", "/dashboard");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  for (const { email, home } of HOMES) {
    test(`${home} fits the screen and stays accessible for ${email}`, async ({ page }) => {
      await signInToHome(page, email, home);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await expectNoSeriousA11yViolations(page);
    });
  }

  test("no page of the navigation is wider than the screen", async ({ page, endsSavedSession }) => {
    for (const { email, home } of [HOMES[2], HOMES[3]]) {
      endsSavedSession(email);
      await signInToHome(page, email, home);
      const menu = mainNav(page).getByRole("button", { name: "Menu" });
      await menu.click();
      const links = await mainNav(page).getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      await menu.click();
      for (const href of links) {
        await page.goto(href);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect.soft(await pageWidth(page), `${href} is wider than the screen`).toBeLessThanOrEqual(390);
      }
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin/);
    }
  });

  test("the navigation is a menu that opens by keyboard and by tap, navigates and closes on Escape", async ({ page }) => {
    await signInToHome(page, "manager@leadgate.test", "/dashboard");
    const menu = mainNav(page).getByRole("button", { name: "Menu" });
    const board = mainNav(page).getByRole("link", { name: "Funnel board" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(board).toBeHidden();
    const panel = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(panel).toBeVisible();
    await expect(board).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await board.focus();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(board).toBeHidden();
    await expect(menu).toBeFocused();

    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.tap();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await board.tap();
    await expect(page.getByRole("heading", { level: 1, name: "Funnel board" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(board).toBeHidden();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });
});
