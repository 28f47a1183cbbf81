import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_API_KEY, expectNoSeriousA11yViolations, openSignedIn, test } from "./support";

const api = { Authorization: `Bearer ${DEMO_API_KEY}` };
const bell = (page: Page) => page.getByRole("banner").getByRole("button", { name: /^Notifications/ });
const panel = (page: Page) => page.getByRole("region", { name: "Notifications" });

/** Opens `destination` as `email` and waits for the bell's first answer. */
async function openWithBell(page: Page, email: string, destination: string) {
  await openSignedIn(page, email, destination);
  await expect(bell(page)).toHaveAttribute("aria-busy", "false");
}

test("a rep hears of an MQL routed to them under the bell, opens it by keyboard, and it is read", async ({ page, request }) => {
  // A lead that fits and asks for a meeting: the score makes it an MQL, and routing gives it to a rep.
  // Its name is this run's own, so a lead from an earlier run is never taken for it.
  const lastName = `Ringer${Date.now().toString(36)}`;
  const created = await request.post("/api/v1/leads", {
    headers: api,
    data: { email: `bella.${lastName}@bellworks.example`, firstName: "Bella", lastName, company: "Bellworks", companySize: 1500, seniority: "VP", industry: "Software", website: "https://bellworks.example" },
  });
  const leadId = (await created.json()).lead.id as string;
  const events = await request.post("/api/v1/events", { headers: api, data: { events: [{ leadId, type: "meeting_booked" }, { leadId, type: "contact_request" }] } });
  expect((await events.json()).results.map((result: { stage: string }) => result.stage)).toContain("MQL");
  const text = `New MQL routed to you: Bella ${lastName} (Bellworks)`;

  // Round robin chose one of the two demo reps: the one whose bell has it.
  let found = false;
  for (const rep of ["sales@leadgate.test", "sales2@leadgate.test"]) {
    await openWithBell(page, rep, "/queue");
    await bell(page).click();
    await expect(panel(page).getByRole("heading", { name: "Notifications" })).toBeVisible();
    if ((await panel(page).getByRole("link", { name: new RegExp(text.replace(/[()]/g, "\\$&")) }).count()) > 0) {
      found = true;
      break;
    }
    await page.keyboard.press("Escape");
  }
  expect(found).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel(page)).toHaveCount(0);
  await expect(bell(page)).toBeFocused();
  await expect(bell(page)).toHaveAccessibleName(/^Notifications, \d+ unread$/);

  await page.keyboard.press("Enter");
  const item = panel(page).getByRole("link", { name: new RegExp(`Unread: ${text.replace(/[()]/g, "\\$&")}`) });
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await item.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/leads/${leadId}`);
  await expect(page.getByRole("heading", { name: `Bella ${lastName}`, level: 1 })).toBeVisible();
  // Opened, it is read: listed without "Unread:", here and after a reload. (The count is not
  // compared: the minute's SLA notices may add to it meanwhile.)
  const read = panel(page).getByRole("link", { name: new RegExp(`^${text.replace(/[()]/g, "\\$&")}`) });
  await bell(page).click();
  await expect(read).toBeVisible();
  await page.reload();
  await expect(bell(page)).toHaveAttribute("aria-busy", "false");
  await bell(page).click();
  await expect(read).toBeVisible();
});

test("at 390 px the panel fits the screen; Mark all read clears the count; a click elsewhere closes it", async ({ page, request }) => {
  const created = await request.post("/api/v1/leads", { headers: api, data: { email: `narrow.${Date.now()}@bellworks.example`, firstName: "Nora", lastName: "Narrow", company: "Bellworks", companySize: 1500, seniority: "VP", industry: "Software", website: "https://bellworks.example" } });
  const leadId = (await created.json()).lead.id as string;
  await request.post("/api/v1/events", { headers: api, data: { events: [{ leadId, type: "meeting_booked" }, { leadId, type: "contact_request" }] } });
  // Routing gives it to one of the demo reps, who then has at least one unread notification.
  await page.setViewportSize({ width: 390, height: 800 });
  for (const rep of ["sales@leadgate.test", "sales2@leadgate.test"]) {
    await openWithBell(page, rep, "/queue");
    if ((await bell(page).getAttribute("aria-label")) !== "Notifications") break;
  }
  await bell(page).click();
  const box = (await panel(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await panel(page).getByRole("button", { name: "Mark all read" }).click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(panel(page).getByRole("link").first()).not.toContainText("Unread:");
  await page.getByRole("main").click({ position: { x: 10, y: 10 } });
  await expect(panel(page)).toHaveCount(0);
});

test("from the bell, a rep chooses which notices also come by e-mail, and the choice is kept", async ({ page }) => {
  await openWithBell(page, "sales2@leadgate.test", "/queue");
  await bell(page).click();
  await panel(page).getByRole("link", { name: "E-mail settings" }).click();
  await expect(page.getByRole("heading", { name: "Notification settings", level: 1 })).toBeVisible();
  // The browser tests' server has no SMTP settings: the page says so, and keeps the choice anyway.
  await expect(page.getByText("E-mail isn't set up on this Leadgate yet")).toBeVisible();
  const choices = page.getByRole("group", { name: "E-mail me when" });
  await expect(choices.getByRole("checkbox")).toHaveCount(5);
  await expect(choices.getByLabel("Each morning", { exact: false })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await choices.getByLabel("An MQL is routed or assigned to me").focus();
  await page.keyboard.press("Space");
  await choices.getByLabel("An MQL of mine is past the response SLA").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 2 kinds of notice by e-mail.");
  await page.reload();
  await expect(choices.getByLabel("An MQL is routed or assigned to me")).toBeChecked();
  await expect(choices.getByLabel("An MQL of mine is past the response SLA")).toBeChecked();
  await expect(choices.getByLabel("Someone reopens a lead of mine")).not.toBeChecked();
});
