import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { openSignedIn } from "./support";

// The handoff across roles, each in their own browser: marketing reviews and marks an MQL,
// routing picks a rep, that rep accepts it from the queue and qualifies it with the checklist;
// and a rejection whose reason marketing then reads in its review.

const REPS: Record<string, string> = { "Sam Sales": "sales@leadgate.test", "Sasha Sales": "sales2@leadgate.test" };

async function asUser(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openSignedIn(page, email, path);
  return page;
}

const queueRow = (page: Page, section: "toAccept" | "toQualify", leadId: string) => page.getByTestId(`queue-section-${section}`).locator(`[data-lead-id="${leadId}"]`);

test("marketer review → MQL → routed rep accepts it in the queue → qualifies it with the checklist", async ({ browser }) => {
  const marketer = await asUser(browser, "marketer@leadgate.test", "/review");
  const row = marketer.getByTestId("review-row").first();
  const leadId = (await row.getAttribute("data-lead-id")) ?? "";
  const name = await row.getByRole("heading", { level: 3 }).innerText();
  await row.getByRole("button", { name: "Mark as MQL" }).click();
  const toast = marketer.getByTestId("toast-success");
  await expect(toast).toContainText(`${name} is now an MQL. Routed to`);
  const repName = /Routed to (.+?)\./.exec(await toast.innerText())?.[1] ?? "";
  expect(Object.keys(REPS)).toContain(repName);

  // Oldest first, 25 at a time: the fresh MQL sits at the end of the rep's queue, so the link asks for all of it.
  const rep = await asUser(browser, REPS[repName], "/queue?toAccept=1000");
  const waiting = queueRow(rep, "toAccept", leadId);
  await expect(waiting.getByTestId("sla-timer")).toHaveText(/^(23 h \d+ min|24 h) left$/);
  await waiting.getByRole("button", { name: `Accept ${name}` }).click();
  // It stays where the rep accepted it, now a SAL, and is qualified from there.
  const accepted = queueRow(rep, "toAccept", leadId);
  await expect(accepted.getByTestId("queue-row-outcome")).toHaveText("Accepted: now in To qualify");

  await accepted.getByRole("button", { name: `Qualify… ${name}` }).click();
  const dialog = rep.getByRole("dialog");
  for (const item of ["Budget", "Authority", "Need", "Timeline"]) await dialog.getByLabel(new RegExp(item)).check();
  await dialog.getByRole("button", { name: "Qualify" }).click();
  await expect(dialog).toBeHidden();
  await expect(accepted.getByTestId("queue-row-outcome")).toHaveText("Qualified: now an SQL, out of the queue");
  await expect(accepted.getByRole("button")).toHaveCount(0);

  // The lead's page tells the whole story: routed to the rep, accepted, qualified.
  await rep.goto(`/leads/${leadId}`);
  await expect(rep.getByTestId("lead-stage")).toContainText("SQL");
  await expect(rep.getByRole("region", { name: "Owner history" })).toContainText(`Routed to ${repName}`);
  const history = rep.getByRole("region", { name: "Stage history" }).getByTestId("stage-history-entry");
  await expect(history.nth(0)).toContainText("SQL");
  await expect(history.nth(1)).toContainText("SAL");
  await expect(history.nth(2)).toContainText("MQL");
});

test("a rep's rejection, with its listed reason and note, is what marketing sees in its review", async ({ browser }) => {
  const rep = await asUser(browser, "sales2@leadgate.test", "/queue");
  const row = rep.getByTestId("queue-section-toAccept").getByTestId("queue-row").first();
  const leadId = (await row.getAttribute("data-lead-id")) ?? "";
  const name = await row.getByRole("link").first().innerText();
  await row.getByRole("button", { name: `Reject… ${name}` }).click();
  const dialog = rep.getByRole("dialog");
  await dialog.getByLabel("Reject reason").selectOption({ label: "Wrong contact: not involved in buying" });
  await dialog.getByLabel("Note (optional)").fill("Reseller, not an end customer; route to the partner team.");
  await dialog.getByRole("button", { name: "Reject to marketing" }).click();
  await expect(dialog).toBeHidden();
  await expect(rep.locator(`[data-lead-id="${leadId}"]`).getByTestId("queue-row-outcome")).toHaveText("Sent back to marketing");

  const marketer = await asUser(browser, "marketer@leadgate.test", "/review?tab=returned");
  const returned = marketer.locator(`[data-testid="review-row"][data-lead-id="${leadId}"]`);
  await expect(returned.getByTestId("return-callout")).toContainText(
    "Rejected by sales: Wrong contact: not involved in buying (“Reseller, not an end customer; route to the partner team.”) — Sasha Sales, just now",
  );
  // Back in marketing's hands: no owner, and only a person can make it an MQL again.
  await expect(returned.getByRole("button", { name: "Mark as MQL" })).toBeVisible();
});
