import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { column, expectNoSeriousA11yViolations, openSignedIn } from "./support";

async function firstOwnSalLead(page: Page) {
  await openSignedIn(page, "sales@leadgate.test", "/board?owner=me");
  const card = column(page, "SAL").getByTestId("lead-card").first();
  await expect(card).toBeVisible();
  const name = await card.locator("p").first().innerText();
  return { card, name, id: (await card.getAttribute("data-lead-id")) ?? "", link: card.getByRole("link", { name, exact: true }) };
}

test("a sales rep opens a lead from the board and sees its profile, score, timeline and history", async ({ page }) => {
  const lead = await firstOwnSalLead(page);
  await lead.link.click();
  await page.waitForURL((url) => url.pathname === `/leads/${lead.id}` && url.searchParams.get("from") === "/board?owner=me");

  await expect(page.getByRole("heading", { level: 1, name: lead.name })).toBeVisible();
  await expect(page).toHaveTitle(`${lead.name} · Leadgate`);
  await expect(page.getByTestId("lead-stage")).toContainText("SAL");

  const profile = page.getByRole("region", { name: "Profile" });
  for (const label of ["E-mail", "Company", "Company size", "Industry", "Source"]) await expect(profile.getByText(label, { exact: true })).toBeVisible();

  const score = page.getByRole("region", { name: "Score" });
  for (const figure of ["Fit", "Engagement", "Total"]) await expect(score.getByText(figure, { exact: true }).first()).toBeVisible();
  await expect(score).toContainText(/Scored .+|Not scored yet/);

  await expect(page.getByRole("region", { name: "Timeline" }).getByTestId("timeline-event").first()).toBeVisible();
  const history = page.getByRole("region", { name: "Stage history" });
  await expect(history.getByTestId("stage-history-entry").first()).toContainText("Accept");
  await expect(history).toContainText("Sam Sales");
  await expect(history).toContainText("Lead created");

  // Back to the board as it was: the owner filter kept.
  await page.getByRole("link", { name: "Back to the board" }).click();
  await page.waitForURL((url) => url.pathname === "/board" && url.search === "?owner=me");
});

test("the name on a card opens the lead from the keyboard", async ({ page }) => {
  const lead = await firstOwnSalLead(page);
  await lead.link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === `/leads/${lead.id}` && url.searchParams.get("from") === "/board?owner=me");
  await expect(page.getByRole("heading", { level: 1, name: lead.name })).toBeVisible();
});

test("a note shows at once and after a reload; an empty note is refused and the text kept", async ({ page }) => {
  const lead = await firstOwnSalLead(page);
  await page.goto(`/leads/${lead.id}`);
  const notes = page.getByRole("region", { name: "Activity" });
  const field = notes.getByLabel("Add a note");

  await field.fill("   ");
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(notes.getByRole("alert")).toHaveText("Write the note before saving it.");
  await expect(field).toHaveValue("   ");
  await expect(field).toHaveAttribute("aria-invalid", "true");

  const body = `Spoke with the buyer ${Date.now()}: budget approved, decision in two weeks.`;
  await field.fill(body);
  await notes.getByRole("button", { name: "Save note" }).click();
  const newest = notes.getByTestId("activity").first();
  await expect(newest).toContainText(body);
  await expect(newest).toContainText("Sam Sales");
  await expect(field).toHaveValue("");
  await expect(notes.getByRole("alert")).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("region", { name: "Activity" }).getByTestId("activity").first()).toContainText(body);
});

test("a lead that doesn't exist shows the not-found page, with a real 404", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  const response = await page.goto("/leads/no-such-lead");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This lead doesn't exist" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the funnel board" }).click();
  await page.waitForURL("/board");
});

test("an address no page answers shows a 404 inside the app, with the navigation", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test");
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "There is no page at this address" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funnel board" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Go to your start page" }).click();
  await page.waitForURL("/queue");
});
