import { expect, test } from "@playwright/test";
import { column, openSignedIn } from "./support";

test("a marketer logs a conference badge scan on a lead; it shows in the timeline and the score changes", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const card = column(page, "LEAD").getByTestId("lead-card").last();
  const name = await card.locator("p").first().innerText();
  await card.getByRole("link", { name, exact: true }).click();
  await page.waitForURL(/\/leads\//);

  const form = page.getByRole("region", { name: "Log an event" });
  await expect(form.getByLabel("What happened")).toHaveValue("event_attended");
  await form.getByLabel("Event or content (optional)").fill("SaaStr Europa badge scan");
  await form.getByRole("button", { name: "Log event" }).click();
  await expect(form.getByRole("status")).toContainText(/Event logged\. Score \d+ → \d+/);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByTestId("timeline-event").first()).toContainText("SaaStr Europa badge scan");
  await expect(timeline.getByTestId("timeline-event").first()).toContainText("Manual");

  await form.getByLabel("What happened").selectOption({ label: "Other (custom type)…" });
  await form.getByLabel("Custom type").fill("Booth Visit!");
  await form.getByRole("button", { name: "Log event" }).click();
  await expect(form.getByText(/lower-case letters, digits or underscores/).first()).toBeVisible();
});
