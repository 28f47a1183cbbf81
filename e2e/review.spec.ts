import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { openSignedIn } from "./support";

function rows(page: Page): Locator {
  return page.getByTestId("review-row");
}

async function tabCount(page: Page, tab: string): Promise<number> {
  return Number((await page.getByTestId(`review-tab-${tab}`).getByTestId("review-tab-count").innerText()).replace(/,/g, ""));
}

async function firstRow(page: Page): Promise<{ row: Locator; id: string; name: string }> {
  const row = rows(page).first();
  await expect(row).toBeVisible();
  return { row, id: (await row.getAttribute("data-lead-id")) ?? "", name: await row.getByRole("heading", { level: 3 }).innerText() };
}

test("a marketer reads why the top lead scored as it did, marks it MQL and sees who it was routed to", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test", "/review");
  await expect(page.getByRole("heading", { level: 1, name: "MQL review" })).toBeVisible();
  await expect(page.getByTestId("review-threshold")).toContainText(/MQL threshold 80.*showing leads scoring 60 or more/);
  await expect(page.getByTestId("review-tab-near")).toHaveAttribute("aria-current", "page");
  const nearBefore = await tabCount(page, "near");
  const awaitingBefore = await tabCount(page, "awaiting");

  const lead = await firstRow(page);
  const scores = (await rows(page).getByTestId("review-total").allInnerTexts()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(scores.every((score) => score >= 60)).toBe(true);

  const why = lead.row.getByRole("button", { name: "Why this score" });
  await expect(why).toHaveAttribute("aria-expanded", "false");
  await why.click();
  await expect(why).toHaveAttribute("aria-expanded", "true");
  const explanation = lead.row.getByTestId("score-explanation");
  await expect(explanation.getByRole("heading", { name: /^Fit/ })).toBeVisible();
  await expect(explanation.getByRole("heading", { name: /^Engagement/ })).toBeVisible();
  await expect(explanation.getByRole("listitem").first()).toBeVisible();
  await why.click();
  await expect(explanation).toBeHidden();

  await lead.row.getByRole("button", { name: "Mark as MQL" }).click();
  await expect(page.getByTestId("toast-success")).toContainText(new RegExp(`${lead.name} is now an MQL\\. Routed to (Sam|Sasha) Sales\\.`));
  await expect(page.locator(`[data-testid="review-row"][data-lead-id="${lead.id}"]`)).toHaveCount(0);
  await expect.poll(() => tabCount(page, "near")).toBe(nearBefore - 1);
  await expect.poll(() => tabCount(page, "awaiting")).toBe(awaitingBefore + 1);

  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator(`[data-testid="review-row"][data-lead-id="${lead.id}"]`)).toHaveCount(0);
});

test("by keyboard, a marketer sends an MQL waiting for sales to nurture and finds it among the returned leads", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test", "/review");
  await page.getByTestId("review-tab-awaiting").click();
  await expect(page.getByTestId("review-tab-awaiting")).toHaveAttribute("aria-current", "page");
  const lead = await firstRow(page);
  await expect(lead.row.getByRole("button", { name: "Mark as MQL" })).toHaveCount(0);

  await lead.row.getByRole("button", { name: "Send to nurture" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Send to nurture: ${lead.name}`);
  await expect(dialog.getByLabel("Reason")).toBeFocused();
  await page.keyboard.type("Budget frozen until spring");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Send to nurture" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast-success")).toContainText(`${lead.name} was sent to nurture.`);
  await expect(page.locator(`[data-testid="review-row"][data-lead-id="${lead.id}"]`)).toHaveCount(0);
  // Focus stays in the list, on the next lead, so the marketer can carry on.
  await expect(page.locator('[data-testid="review-row"] h3 a').first()).toBeFocused();

  await page.getByTestId("review-tab-returned").click();
  const returned = page.locator(`[data-testid="review-row"][data-lead-id="${lead.id}"]`);
  await expect(returned.getByTestId("return-callout")).toContainText("Sent to nurture: Budget frozen until spring — Maya Marketer, just now");
});

test("sales reps are sent back to the board", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  await page.goto("/review");
  await expect(page).toHaveURL(/\/board\?denied=1$/);
});
