import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn, test } from "./support";

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function lastDays(days: number): { from: string; to: string } {
  const today = Date.parse(`${isoDay(Date.now())}T00:00:00Z`);
  return { from: isoDay(today - (days - 1) * DAY_MS), to: isoDay(today) };
}

const asNumber = (text: string) => Number(text.replace(/[^\d.]/g, ""));

async function tile(page: Page, id: string): Promise<number> {
  return asNumber(await page.getByTestId(`summary-${id}`).getByTestId("summary-value").innerText());
}

function section(page: Page, id: string): Locator {
  return page.getByTestId(`section-${id}`);
}

/** The funnel's "Entered" figure for a stage, read from its table view. */
async function funnelEntered(page: Page, stage: string): Promise<number> {
  const row = section(page, "funnel").getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${stage} ·`) }) });
  return asNumber(await row.getByRole("cell").first().innerText());
}

test("a manager sees plausible funnel numbers for the last 90 days on the demo data", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();

  const range = lastDays(90);
  await expect(page.getByRole("button", { name: "Last 90 days", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(range.from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(range.to);

  const [leads, mqls, sqls, won] = [await tile(page, "leads"), await tile(page, "mqls"), await tile(page, "sqls"), await tile(page, "won")];
  // The seed spreads about 1,000 leads over 90 days across the funnel.
  expect(leads).toBeGreaterThan(500);
  expect(mqls).toBeGreaterThan(0);
  expect(sqls).toBeGreaterThan(0);
  expect(won).toBeGreaterThan(0);
  expect(won).toBeLessThan(sqls);
  expect(sqls).toBeLessThan(leads);

  for (const title of ["Funnel", "Weekly trend", "Velocity", "Response SLA", "Speed to lead", "Sources and campaigns", "Reps", "Cohorts", "Score calibration"]) {
    await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible();
  }
  await expect(section(page, "funnel").getByRole("application")).toHaveAttribute("aria-label", new RegExp(`LEAD ${leads.toLocaleString("en-US")}`));
  await expect(section(page, "funnel").getByTestId("leak-MQL")).toContainText("moved on");
});

test("changing the range and the source changes the URL and the numbers", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const ninetyDays = await tile(page, "leads");

  const range = lastDays(30);
  await page.getByRole("button", { name: "Last 30 days", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=30d$/);
  await expect(page.getByRole("button", { name: "Last 30 days", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(range.from);
  const thirtyDays = await tile(page, "leads");
  expect(thirtyDays).toBeGreaterThan(0);
  expect(thirtyDays).toBeLessThan(ninetyDays);

  const source = page.getByLabel("Source", { exact: true });
  const firstSource = await source.locator("option").nth(1).getAttribute("value");
  await source.selectOption(firstSource!);
  await expect(page).toHaveURL(new RegExp(`range=30d&source=${encodeURIComponent(firstSource!)}$`));
  await expect(source).toHaveValue(firstSource!);
  const oneSource = await tile(page, "leads");
  expect(oneSource).toBeGreaterThan(0);
  expect(oneSource).toBeLessThan(thirtyDays);

  await page.getByRole("button", { name: `Remove filter Source: ${firstSource}` }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=30d$/);
  expect(await tile(page, "leads")).toBe(thirtyDays);
});

test("a preset stays relative in a shared link; chosen dates stay fixed, and links with dates still work", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const preset = (name: string, on: Page = page) => on.getByRole("group", { name: "Date range presets" }).getByRole("button", { name });

  await preset("Last 12 months").click();
  await expect(page).toHaveURL(/\/dashboard\?range=12m$/);
  const twelveMonthsFrom = await page.getByLabel("From", { exact: true }).inputValue();
  // Someone opening the link gets the preset itself, not the dates it meant on the day it was shared.
  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(preset("Last 12 months", shared)).toHaveAttribute("aria-pressed", "true");
  await expect(shared.getByLabel("From", { exact: true })).toHaveValue(twelveMonthsFrom);
  await shared.close();

  // The default preset leaves the link bare, and a reload still reads it as the last 90 days.
  await preset("Last 90 days").click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.reload();
  await expect(preset("Last 90 days")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(lastDays(90).from);

  // Dates someone chose are written out, and stay what they were.
  const custom = lastDays(45);
  await page.getByLabel("From", { exact: true }).fill(custom.from);
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?from=${custom.from}&to=${custom.to}$`));
  await expect(page.getByRole("button", { name: /^Remove filter Dates: / })).toBeVisible();

  // A link from before presets stayed relative keeps its fixed dates, even when they match a preset today.
  const thirty = lastDays(30);
  await page.goto(`/dashboard?from=${thirty.from}&to=${thirty.to}`);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(thirty.from);
  await expect(preset("Last 30 days")).toHaveAttribute("aria-pressed", "false");
});

test("applied filters are chips: each removes its own filter, by keyboard too, and Clear all resets them", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard?range=30d&companySize=50-199");
  const chips = page.getByRole("list", { name: "Filtered by" }).getByRole("button");
  await expect(chips).toHaveText([/Dates: Last 30 days/, /Company size: 50–199 employees/]);

  const source = page.getByLabel("Source", { exact: true });
  const firstSource = (await source.locator("option").nth(1).getAttribute("value"))!;
  await source.selectOption(firstSource);
  await expect(chips).toHaveText([/Dates: Last 30 days/, new RegExp(`Source: ${firstSource}`), /Company size: 50–199 employees/]);
  await expectNoSeriousA11yViolations(page);

  // Enter on a chip removes that filter only; focus moves to the chip in its place.
  await page.getByRole("button", { name: "Remove filter Company size: 50–199 employees" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?range=30d&source=${encodeURIComponent(firstSource)}$`));
  await expect(page.getByLabel("Company size")).toHaveValue("");
  await expect(page.getByRole("button", { name: `Remove filter Source: ${firstSource}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\?range=30d$/);
  await expect(source).toHaveValue("");
  await expect(page.getByRole("button", { name: "Remove filter Dates: Last 30 days" })).toBeFocused();

  await source.selectOption(firstSource);
  await expect(chips).toHaveCount(2);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(chips).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Last 90 days", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(source).toHaveValue("");
});

test("the MQL count is one population, defined in a tooltip reachable by keyboard; each section explains itself on request", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const help = page.getByRole("button", { name: "What counts as MQLs" });
  // From the last filter, Tab reaches the definition.
  await page.getByLabel("Company size").focus();
  for (let step = 0; step < 5 && !(await help.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press("Tab");
  await expect(help).toBeFocused();
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Leads that became MQL in the range");
  await expect(help).toHaveAccessibleDescription(/Leads that became MQL in the range/);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();

  // The MQL tile, the MQL → SQL tile and the funnel's MQL bar count the same leads.
  const mqls = await tile(page, "mqls");
  await expect(page.getByTestId("summary-mql-sql")).toContainText("of those MQLs reached SQL");
  const funnel = section(page, "funnel");
  await funnel.getByRole("button", { name: "Table" }).click();
  expect(await funnelEntered(page, "MQL")).toBe(mqls);

  // "How is this computed" is closed until asked for, and opens from the keyboard.
  const howComputed = funnel.getByTestId("how-computed");
  await expect(howComputed.getByText(/returned by sales \(rejected as MQL or recycled as SAL\)/)).toBeHidden();
  await howComputed.getByText("How is this computed").focus();
  await page.keyboard.press("Enter");
  await expect(howComputed).toHaveAttribute("open", "");
  await expect(howComputed.getByText(/returned by sales \(rejected as MQL or recycled as SAL\)/)).toBeVisible();
  for (const id of ["velocity", "sla", "sources", "reps", "cohorts", "trend", "calibration"]) {
    await expect(section(page, id).getByText("How is this computed")).toBeVisible();
  }
});

test("a bad URL names the bad fields and still shows the default range", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard?from=2026-02-30&companySize=huge");
  await expect(page.getByText("Not a real date.")).toBeVisible();
  await expect(page.getByLabel("Company size")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Company size is one of 1-49, 50-199, 200-999, 1000+.")).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(lastDays(90).from);
  expect(await tile(page, "leads")).toBeGreaterThan(0);
});

test("a section's table view shows the chart's numbers and its CSV export has the same rows", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const funnel = section(page, "funnel");
  const toggle = funnel.getByRole("button", { name: "Table" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const table = funnel.getByRole("table", { name: "Leads per funnel stage" });
  await expect(table.getByRole("rowheader")).toHaveText(["LEAD · Lead", "MQL · Marketing qualified", "SAL · Sales accepted", "SQL · Sales qualified", "WON · Won"]);
  const leads = await funnelEntered(page, "LEAD");
  expect(leads).toBe(await tile(page, "leads"));

  const download = page.waitForEvent("download");
  await funnel.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  const range = lastDays(90);
  expect(file.suggestedFilename()).toBe(`leadgate-funnel-${range.from}-to-${range.to}.csv`);
  const lines = readFileSync(await file.path(), "utf8").trim().split("\r\n");
  expect(lines[0]).toBe("Stage,Entered,Moved on,Conversion to next stage (%),Returned by sales,Sent to nurture,Disqualified,Lost,Loss reasons");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["LEAD", "MQL", "SAL", "SQL", "WON"]);
  expect(lines[1].split(",")[1]).toBe(String(leads));

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(funnel.getByRole("table")).toHaveCount(0);
});

test("speed to lead: how soon sales answered MQLs, overall and by rep, in its table view too", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const speed = section(page, "speed-to-lead");
  await expect(speed.getByRole("heading", { name: "Speed to lead", level: 2 })).toBeVisible();
  // The demo's reps answered MQLs in the last 90 days, so each figure has a value.
  for (const label of ["Median wait", "90th percentile"]) await expect(speed.locator("dl div", { has: page.getByText(label, { exact: true }) }).locator("dd")).toHaveText(/^[\d.,]+ (minutes?|hours?|days?)$/);
  for (const label of ["Within 5 minutes", "Within an hour"]) await expect(speed.locator("dl div", { has: page.getByText(label, { exact: true }) }).locator("dd")).toHaveText(/^[\d.]+%$/);

  await speed.getByRole("button", { name: "Table" }).click();
  const table = speed.getByRole("table", { name: "Speed to lead by rep" });
  await expect(table.getByRole("columnheader")).toHaveText(["Rep", "Answered", "Median", "90th percentile", "Within 5 minutes", "Within an hour"]);
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("clicking a funnel bar opens the lead table on exactly those leads", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const funnel = section(page, "funnel");
  await funnel.getByRole("button", { name: "Table" }).click();
  const mqls = await funnelEntered(page, "MQL");
  expect(mqls).toBeGreaterThan(0);
  await funnel.getByRole("button", { name: "Table" }).click();

  // The bars in stage order: LEAD, MQL, …
  await funnel.locator(".recharts-bar-rectangle").nth(1).click();
  const range = lastDays(90);
  await expect(page).toHaveURL(new RegExp(`/leads\\?.*reached=MQL&reachedFrom=${range.from}&reachedTo=${range.to}`));
  await expect(page.getByTestId("lead-total")).toHaveText(`${mqls.toLocaleString("en-US")} leads`);
});

test("a table cell links to its leads, with the segment applied", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const source = page.getByLabel("Source", { exact: true });
  const firstSource = (await source.locator("option").nth(1).getAttribute("value"))!;
  await source.selectOption(firstSource);
  await expect(page).toHaveURL(/source=/);

  const sources = section(page, "sources");
  await sources.getByRole("button", { name: "Table" }).click();
  const row = sources.getByRole("row").filter({ has: page.getByRole("rowheader", { name: firstSource, exact: true }) });
  const sqlLink = row.getByRole("cell").nth(2).getByRole("link");
  const count = (await sqlLink.innerText()).trim();
  await sqlLink.click();
  await expect(page).toHaveURL(/\/leads\?.*reached=SQL/);
  await expect(page).toHaveURL(new RegExp(`source=${encodeURIComponent(firstSource)}`));
  await expect(page.getByTestId("lead-total")).toHaveText(`${count} leads`);
});

test("the cycle-time picker works by keyboard, keeps its pair in the URL, and the page passes axe", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const picker = page.getByTestId("cycle-time");
  const from = picker.getByLabel("From stage");
  const to = picker.getByLabel("To stage");
  await expect(from).toHaveValue("MQL");
  await expect(to).toHaveValue("WON");
  await expectNoSeriousA11yViolations(page);

  // Arrow keys on a closed select change its value: MQL → Created (LEAD); the later stage stays WON.
  await from.focus();
  await page.keyboard.press("ArrowUp");
  await expect(page).toHaveURL(/[?&]cycleFrom=LEAD&cycleTo=WON$/);
  await page.keyboard.press("Tab");
  await expect(to).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page).toHaveURL(/[?&]cycleFrom=LEAD&cycleTo=SQL$/);
  await expect(to).toHaveValue("SQL");
  // Every lead that became SQL in the range was created before: the demo has some.
  expect(asNumber(await picker.getByTestId("cycle-time-count").innerText())).toBeGreaterThan(0);
  await expect(picker.getByTestId("cycle-time-median")).toHaveText(/\d/);

  // The pair survives a reload and a change of filters.
  await page.reload();
  await expect(to).toHaveValue("SQL");
  await page.getByRole("button", { name: "Last 30 days", exact: true }).click();
  await expect(page).toHaveURL(/range=30d.*cycleFrom=LEAD&cycleTo=SQL/);
  await expect(from).toHaveValue("LEAD");
});

test("won by source: a source's won leads link to exactly those leads", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/dashboard");
  const won = section(page, "won-by-source");
  await won.getByRole("button", { name: "Table" }).click();
  const table = won.getByRole("table", { name: "Leads won by source" });
  await expect(table.getByRole("columnheader")).toHaveText(["Source", "Leads", "Won by now", "Win rate", "Median time to win"]);
  // The first source with a won lead: "Won by now" is the second data cell after the row's name.
  const link = table.locator("tbody tr td:nth-of-type(2) a").first();
  const count = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/leads\?.*reached=WON/);
  await expect(page.getByTestId("lead-total")).toHaveText(`${count} leads`);
});

test("marketers may look; sales reps are sent back to the board", async ({ page, endsSavedSession }) => {
  endsSavedSession("marketer@leadgate.test");
  await openSignedIn(page, "marketer@leadgate.test", "/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await openSignedIn(page, "sales@leadgate.test");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/board\?denied=1/);
  await expect(page.getByText("Your role doesn't have access to that page.")).toBeVisible();
});
