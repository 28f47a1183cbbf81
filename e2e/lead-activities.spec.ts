import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { cardById, column, firstMovableCard, openMoveMenu, openSignedIn } from "./support";

async function openOwnSalLead(page: Page) {
  await openSignedIn(page, "sales@leadgate.test", "/board?owner=me");
  const card = column(page, "SAL").getByTestId("lead-card").first();
  await expect(card).toBeVisible();
  const id = (await card.getAttribute("data-lead-id")) ?? "";
  await page.goto(`/leads/${id}`);
  return id;
}

test("a sales rep logs a call; it shows as a call in the activity list and in the timeline", async ({ page }) => {
  await openOwnSalLead(page);
  const activity = page.getByRole("region", { name: "Activity" });

  // The kinds are one radio group: arrow keys move from Note to Call.
  await activity.getByRole("radio", { name: "Note" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(activity.getByRole("radio", { name: "Call" })).toBeChecked();
  const field = activity.getByLabel("Call summary");
  await expect(activity.getByRole("button", { name: "Log call" })).toBeVisible();

  await activity.getByRole("button", { name: "Log call" }).click();
  await expect(activity.getByRole("alert")).toHaveText("Write what was said on the call before logging it.");
  await expect(field).toHaveAttribute("aria-invalid", "true");

  const body = `Called the buyer ${Date.now()}: pilot with two teams, decision after the security review.`;
  await field.fill(body);
  await activity.getByRole("button", { name: "Log call" }).click();
  await expect(activity.getByRole("status")).toHaveText("Call logged.");
  await expect(field).toHaveValue("");
  const listed = activity.getByTestId("activity").first();
  await expect(listed).toContainText(body);
  await expect(listed.getByTestId("activity-kind")).toHaveText("Call");

  const timeline = page.getByRole("region", { name: "Timeline" });
  const entry = timeline.getByTestId("timeline-activity").filter({ hasText: body });
  await expect(entry).toContainText("Sam Sales logged a call");
  await expect(entry.getByTestId("activity-kind")).toHaveText("Call");

  await page.reload();
  await expect(page.getByRole("region", { name: "Activity" }).getByTestId("activity").first()).toContainText(body);
  await expect(page.getByRole("region", { name: "Timeline" }).getByTestId("timeline-activity").filter({ hasText: body })).toContainText("Call");
});

test("a lead routed to a rep shows who owns it and how, in the header and the owner history", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /Mark as MQL/ }).click();
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();

  await page.goto(`/leads/${lead.id}`);
  const history = page.getByRole("region", { name: "Owner history" });
  const routed = history.getByTestId("assignment").first();
  await expect(routed).toContainText(/Routed to (Sam|Sasha) Sales/);
  await expect(routed).toContainText("Leadgate routing");
  const owner = (await routed.innerText()).match(/Routed to ((Sam|Sasha) Sales)/)?.[1] ?? "";
  await expect(page.getByTestId("lead-owner")).toHaveText(owner);
});
