import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { cardById, expectNoSeriousA11yViolations, firstMovableCard, openMoveMenu, openSignedIn } from "./support";

const today = () => new Date().toISOString().slice(0, 10);
const asNumber = (text: string) => Number(text.replace(/[^\d.]/g, ""));
const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("a rep marks an SQL won from the board's Move menu only after confirming its value and close date", async ({ page, browser }) => {
  await openSignedIn(page, "sales@leadgate.test", "/board?owner=me");
  const lead = await firstMovableCard(page, "SQL");
  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /^Mark won/ }).click();

  const dialog = page.getByRole("dialog", { name: `Mark won: ${lead.name}` });
  await expect(dialog).toContainText("This closes the deal as won. Only a manager can reopen it.");
  const closeDate = dialog.getByLabel("Close date");
  await expect(closeDate).toHaveValue(today());
  await expect(closeDate).toHaveAttribute("max", today());
  // Without a value the form doesn't send: the lead stays where it is.
  await dialog.getByRole("button", { name: "Mark won" }).click();
  await expect(dialog).toBeVisible();
  expect(await dialog.getByLabel("Deal value").evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  await expect(cardById(page, "SQL", lead.id)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await dialog.getByLabel("Deal value").fill("48250.75");
  await dialog.getByRole("button", { name: "Mark won" }).click();
  await expect(toast(page, `${lead.name} moved to WON.`)).toBeVisible();
  await expect(cardById(page, "SQL", lead.id)).toHaveCount(0);

  // The deal is on the lead's history; the rep may not reopen it and is told who may.
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByTestId("lead-stage")).toContainText("WON");
  await expect(page.getByRole("region", { name: "Stage history" }).getByTestId("won-deal").first()).toHaveText(`Deal value 48,250.75 · closed on ${today()}`);
  await expect(page.getByTestId("stage-refusals")).toHaveText("Sales reps can't reopen a WON lead; only managers can.");
  await expect(page.getByRole("group", { name: "Stage actions" })).toHaveCount(0);

  // The manager's dashboard counts it in the rep's won value.
  const manager = await browser.newPage();
  await openSignedIn(manager, "manager@leadgate.test", "/dashboard");
  const byRep = manager.getByTestId("section-won-value").getByRole("table", { name: "Won value by rep" });
  const samsValue = byRep.getByRole("row").filter({ has: manager.getByRole("rowheader", { name: "Sam Sales" }) }).getByRole("cell").last();
  expect(asNumber(await samsValue.innerText())).toBeGreaterThanOrEqual(48_250.75);
  await manager.close();
});

test("a manager reopens a won lead from its page with a reason; it goes back to SQL and the history says who and why", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/board?outcomes=1");
  const lead = await firstMovableCard(page, "WON");
  await lead.card.getByRole("link", { name: lead.name, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/leads/${lead.id}`);

  await page.getByRole("group", { name: "Stage actions" }).getByRole("button", { name: /^Reopen/ }).click();
  const dialog = page.getByRole("dialog", { name: `Reopen: ${lead.name}` });
  await expect(dialog).toContainText("The lead goes back to SQL with its owner");
  await dialog.getByRole("button", { name: "Reopen" }).click();
  expect(await dialog.getByLabel("Reason").evaluate((input: HTMLTextAreaElement) => input.validity.valueMissing)).toBe(true);
  await dialog.getByLabel("Reason").fill("Customer signed a bigger order");
  await dialog.getByRole("button", { name: "Reopen" }).click();

  await expect(page.getByRole("status").filter({ hasText: `${lead.name} moved to SQL.` })).toBeVisible();
  await expect(page.getByTestId("lead-stage")).toContainText("SQL");
  const latest = page.getByRole("region", { name: "Stage history" }).getByTestId("stage-history-entry").first();
  await expect(latest).toContainText("Reopen");
  await expect(latest).toContainText("Morgan Manager");
  await expect(latest).toContainText("Customer signed a bigger order");

  await page.getByRole("link", { name: "Back to the board" }).click();
  await page.waitForURL((url) => url.pathname === "/board" && url.search === "?outcomes=1");
});

test("a rep marks their SQL lost from its page, and Back returns to the board with its filter", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test", "/board?owner=me");
  const lead = await firstMovableCard(page, "SQL");
  await lead.card.getByRole("link", { name: lead.name, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/leads/${lead.id}` && url.searchParams.get("from") === "/board?owner=me");

  // On a phone, by keyboard: the actions and their form fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const actions = page.getByRole("group", { name: "Stage actions" });
  await expect(actions.getByRole("button")).toHaveText([/^Mark won/, /^Mark lost/]);
  await actions.getByRole("button", { name: /^Mark lost/ }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Mark lost: ${lead.name}` });
  await expect(dialog).toContainText("This closes the deal as lost. Only a manager can reopen it.");
  expect((await dialog.boundingBox())?.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel("Reason").fill("Budget moved to next year");
  await dialog.getByRole("button", { name: "Mark lost" }).click();
  await expect(page.getByTestId("lead-stage")).toContainText("LOST");
  await expect(page.getByRole("region", { name: "Stage history" }).getByTestId("stage-history-entry").first()).toContainText("Budget moved to next year");

  await page.getByRole("link", { name: "Back to the board" }).click();
  await page.waitForURL((url) => url.pathname === "/board" && url.search === "?owner=me");
});

test("Back from a lead keeps the lead table's filters; a return address off the site is ignored", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/leads?view=all");
  await page.getByRole("group", { name: "Stages" }).getByRole("button", { name: "SQL" }).click();
  await expect(page).toHaveURL(/stage=SQL/);
  const list = new URL(page.url());
  const row = page.getByRole("table", { name: "Leads" }).locator("tbody tr").first();
  await expect(row.locator("td:nth-child(4)")).toContainText("SQL");
  const leadId = (await row.getAttribute("data-lead-id")) ?? "";
  await row.getByRole("link").first().click();
  await page.waitForURL((url) => url.pathname === `/leads/${leadId}` && url.searchParams.get("from") === list.pathname + list.search);

  await page.getByRole("link", { name: "Back to the leads" }).click();
  await page.waitForURL((url) => url.pathname === "/leads" && url.search === list.search);

  await page.goto(`/leads/${leadId}?from=${encodeURIComponent("//evil.example/leads?stage=SQL")}`);
  await expect(page.getByRole("link", { name: "Back to the board" })).toHaveAttribute("href", "/board");
});
