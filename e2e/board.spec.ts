import { expect, test } from "@playwright/test";
import { cardById, column, columnCount, firstMovableCard, openSignedIn } from "./support";

test("the board shows the four funnel columns with counts, and the outcomes on demand", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test");
  for (const stage of ["LEAD", "MQL", "SAL", "SQL"]) {
    await expect(column(page, stage)).toBeVisible();
    expect(await columnCount(page, stage)).toBeGreaterThan(0);
  }
  await expect(column(page, "WON")).toHaveCount(0);
  await page.getByRole("link", { name: /Show outcomes/ }).click();
  for (const stage of ["WON", "LOST", "DISQUALIFIED"]) await expect(column(page, stage)).toBeVisible();
  const card = column(page, "SAL").getByTestId("lead-card").first();
  await expect(card).toContainText(/in stage/);
  await expect(card.getByLabel(/^Score \d+/)).toBeVisible();
});

test("load more brings the next page of a column", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const cards = column(page, "LEAD").getByTestId("lead-card");
  await expect(cards).toHaveCount(50);
  await column(page, "LEAD").getByRole("button", { name: /Load more/ }).click();
  await expect(cards).toHaveCount(100);
});

test("filter by owner and search by name, e-mail or company", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test");
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Sam Sales" });
  await expect(page).toHaveURL(/owner=/);
  await expect(column(page, "SAL").getByTestId("lead-card").first()).toContainText("Sam Sales");
  await expect(column(page, "SAL").getByText("Sasha Sales")).toHaveCount(0);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/owner=/);
  await expect(page.getByLabel("Owner", { exact: true })).toHaveValue("all");
  const card = column(page, "SQL").getByTestId("lead-card").first();
  const company = await card.locator("p").nth(1).innerText();
  await page.getByLabel("Search").fill(company.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(column(page, "SQL").getByText(company).first()).toBeVisible();
  await page.getByLabel("Search").fill("no-such-lead-anywhere");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(column(page, "LEAD").getByText("No leads here")).toBeVisible();
});

test("a marketer drags a lead to MQL; columns they can't drop on refuse it", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  const drag = async (to: string) => {
    const from = await lead.card.boundingBox();
    const target = await column(page, to).boundingBox();
    if (!from || !target) throw new Error("board not laid out");
    await page.mouse.move(from.x + 40, from.y + 20);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(from.x + 40 + ((target.x + 60 - from.x - 40) * step) / 10, from.y + 20 + ((target.y + 100 - from.y - 20) * step) / 10);
    }
    await page.mouse.up();
  };
  await drag("SQL");
  await expect(cardById(page, "LEAD", lead.id)).toBeVisible();
  await drag("MQL");
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();
  await expect(cardById(page, "LEAD", lead.id)).toHaveCount(0);
});

test("a marketer moves a lead with the keyboard alone", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  await lead.card.getByRole("button", { name: `Drag ${lead.name}` }).focus();
  await page.keyboard.press("Space");
  // Each key waits for the screen-reader announcement of the previous one, as a user would hear it.
  await expect(page.getByText("Over the LEAD column.")).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Over the MQL column.")).toBeAttached();
  await page.keyboard.press("Space");
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();
});
