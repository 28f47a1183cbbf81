import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const DEMO_PASSWORD = "leadgate-demo";
/** The key the browser tests' server registers as its demo API key (playwright.config.ts): every scope. */
export const DEMO_API_KEY = "lg_live_browser-tests-only-demo-key";

export async function signIn(page: Page, email: string, destination = "/board") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(destination)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === destination.split("?")[0]);
}

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
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
