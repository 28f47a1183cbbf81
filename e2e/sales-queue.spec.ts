import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

const section = (page: Page, id: "toAccept" | "unassigned" | "toQualify") => page.getByTestId(`queue-section-${id}`);
const rowIn = (page: Page, id: "toAccept" | "unassigned" | "toQualify", leadId: string) => section(page, id).locator(`[data-lead-id="${leadId}"]`);

async function firstRow(page: Page, id: "toAccept" | "unassigned" | "toQualify") {
  const row = section(page, id).getByTestId("queue-row").first();
  await expect(row).toBeVisible();
  return { row, id: (await row.getAttribute("data-lead-id")) ?? "", name: await row.getByRole("link").first().innerText() };
}

test("a rep accepts an MQL against its SLA timer and qualifies it where it stays; rejects another with Other; both stay until a reload", async ({ page }) => {
  await openSignedIn(page, "sales@leadgate.test", "/queue");
  await expect(page.getByRole("heading", { name: "Sales queue" })).toBeVisible();
  await expect(page.getByTestId("queue-sla-explanation")).toContainText("Accept or reject new MQLs within 24 hours");
  await expect(page.getByLabel("Queue of")).toHaveCount(0);

  const mql = await firstRow(page, "toAccept");
  await expect(mql.row.getByTestId("sla-timer")).toHaveText(/^(Overdue by .+|Due soon: .+ left|.+ left)$/);
  // The accept changes a lead, so the live check soon re-renders the page from the server, which lists the lead under "To qualify", behind Load more.
  const refreshed = page.waitForResponse((response) => response.request().method() === "GET" && response.request().headers()["rsc"] === "1" && new URL(response.url()).pathname === "/queue");
  await mql.row.getByRole("button", { name: `Accept ${mql.name}` }).click();
  await expect(page.getByTestId("toast-success")).toContainText(`${mql.name} accepted`);
  // It stays where the rep accepted it, showing its new state, through the refresh.
  const accepted = rowIn(page, "toAccept", mql.id);
  await expect(accepted.getByTestId("queue-row-outcome")).toHaveText("Accepted: now in To qualify");
  await expect(accepted).toContainText("Accepted just now");
  // The Accept button is gone; focus stays on this lead for keyboard users.
  await expect(accepted.getByRole("link", { name: mql.name })).toBeFocused();
  await refreshed;
  await expect(section(page, "toAccept").getByTestId("queue-row").first()).toHaveAttribute("data-lead-id", mql.id);
  await expect(accepted.getByTestId("queue-row-outcome")).toHaveText("Accepted: now in To qualify");
  await expect(rowIn(page, "toQualify", mql.id)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await accepted.getByRole("button", { name: `Qualify… ${mql.name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Qualification checklist");
  for (const item of ["Budget", "Authority", "Need"]) await dialog.getByLabel(new RegExp(item)).check();
  await dialog.getByRole("button", { name: "Qualify" }).click();
  await expect(dialog).toContainText("Timeline is not confirmed");
  await dialog.getByLabel(/Timeline/).check();
  await dialog.getByRole("button", { name: "Qualify" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast-success").last()).toContainText("sales qualified (SQL)");
  await expect(accepted.getByTestId("queue-row-outcome")).toHaveText("Qualified: now an SQL, out of the queue");

  const other = section(page, "toAccept").locator('[data-testid="queue-row"]:not([data-kept])').first();
  const otherName = await other.getByRole("link").first().innerText();
  const otherId = (await other.getAttribute("data-lead-id")) ?? "";
  await other.getByRole("button", { name: `Reject… ${otherName}` }).click();
  await expect(dialog).toBeVisible();
  // A reason from the managed list, or Other, which needs the reason written.
  const listed = dialog.getByLabel("Reject reason");
  await expect(listed.locator("option")).toContainText(["Choose a reason…", "No current project or need", "Other (write the reason below)"]);
  await expect(dialog.getByLabel("Note (optional)")).not.toHaveAttribute("required");
  await listed.selectOption({ label: "Other (write the reason below)" });
  const reason = dialog.getByLabel("Reason", { exact: true });
  await expect(reason).toHaveAttribute("required");
  await expect(reason).toHaveAttribute("placeholder", /Marketing will see this reason/);
  await dialog.getByRole("button", { name: "Reject to marketing" }).click();
  await expect(dialog).toBeVisible();
  expect(await reason.evaluate((field: HTMLTextAreaElement) => field.validity.valueMissing)).toBe(true);
  await reason.fill("No project this year; they asked us to call back in spring.");
  await dialog.getByRole("button", { name: "Reject to marketing" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast-success").last()).toContainText(`${otherName} went back to marketing`);
  await expect(rowIn(page, "toAccept", otherId).getByTestId("queue-row-outcome")).toHaveText("Sent back to marketing");
  await expect(rowIn(page, "toAccept", otherId).getByRole("link", { name: otherName })).toBeFocused();

  await page.reload();
  await expect(section(page, "toAccept").getByTestId("queue-row").first()).toBeVisible();
  for (const id of [mql.id, otherId]) await expect(page.locator(`[data-lead-id="${id}"]`)).toHaveCount(0);
});

test("a manager picks a rep's queue in the URL and reassigns a lead to another rep", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/queue");
  await expect(page.getByLabel("Queue of")).toHaveValue("all");
  await expect(section(page, "toAccept").getByText(/^Owner: /).first()).toBeVisible();

  await page.getByLabel("Queue of").selectOption({ label: "Sam Sales" });
  await expect(page).toHaveURL(/\/queue\?rep=/);
  await expect(section(page, "toAccept")).toContainText("MQLs routed to Sam Sales");

  const lead = await firstRow(page, "toQualify");
  await lead.row.getByRole("button", { name: `Reassign ${lead.name}` }).click();
  const newOwner = lead.row.getByLabel(`New owner of ${lead.name}`);
  await expect(newOwner).toBeFocused();
  await newOwner.selectOption({ label: "Sasha Sales" });
  await lead.row.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("toast-success")).toContainText(`${lead.name} reassigned to Sasha Sales`);
  await expect(rowIn(page, "toQualify", lead.id)).toHaveCount(0);

  await page.getByLabel("Queue of").selectOption({ label: "Sasha Sales" });
  await expect(section(page, "toAccept")).toContainText("MQLs routed to Sasha Sales");
  await page.goto(`/queue?rep=${new URL(page.url()).searchParams.get("rep")}&toQualify=1000`);
  await expect(rowIn(page, "toQualify", lead.id)).toBeVisible();
});

test("marketers are sent away from the sales queue", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/board\?denied=1/);
});
