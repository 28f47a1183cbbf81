import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const section = (page: Page, id: "toAccept" | "unassigned" | "toQualify") => page.getByTestId(`queue-section-${id}`);
const rowIn = (page: Page, id: "toAccept" | "unassigned" | "toQualify", leadId: string) => section(page, id).locator(`[data-lead-id="${leadId}"]`);

async function firstRow(page: Page, id: "toAccept" | "unassigned" | "toQualify") {
  const row = section(page, id).getByTestId("queue-row").first();
  await expect(row).toBeVisible();
  return { row, id: (await row.getAttribute("data-lead-id")) ?? "", name: await row.getByRole("link").first().innerText() };
}

test("a rep accepts an MQL against its SLA timer, qualifies it with the checklist and rejects another", async ({ page }) => {
  await signIn(page, "sales@leadgate.test", "/queue");
  await expect(page.getByRole("heading", { name: "Sales queue" })).toBeVisible();
  await expect(page.getByTestId("queue-sla-explanation")).toContainText("Accept or reject new MQLs within 24 hours");
  await expect(page.getByLabel("Queue of")).toHaveCount(0);

  const mql = await firstRow(page, "toAccept");
  await expect(mql.row.getByTestId("sla-timer")).toHaveText(/^(Overdue by .+|Due soon: .+ left|.+ left)$/);
  await mql.row.getByRole("button", { name: `Accept ${mql.name}` }).click();
  await expect(page.getByTestId("toast-success")).toContainText(`${mql.name} accepted`);
  await expect(rowIn(page, "toAccept", mql.id)).toHaveCount(0);
  const accepted = rowIn(page, "toQualify", mql.id);
  await expect(accepted).toBeVisible();
  await expect(accepted).toContainText("Accepted just now");

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
  await expect(page.locator(`[data-lead-id="${mql.id}"]`)).toHaveCount(0);

  const other = await firstRow(page, "toAccept");
  await other.row.getByRole("button", { name: `Reject… ${other.name}` }).click();
  await expect(dialog).toBeVisible();
  const reason = dialog.getByLabel("Reason");
  await expect(reason).toHaveAttribute("placeholder", /Marketing will see this reason/);
  await reason.fill("No project this year; they asked us to call back in spring.");
  await dialog.getByRole("button", { name: "Reject to marketing" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast-success").last()).toContainText(`${other.name} went back to marketing`);
  await expect(page.locator(`[data-lead-id="${other.id}"]`)).toHaveCount(0);

  await page.reload();
  await expect(section(page, "toAccept").getByTestId("queue-row").first()).toBeVisible();
  for (const id of [mql.id, other.id]) await expect(page.locator(`[data-lead-id="${id}"]`)).toHaveCount(0);
});

test("a manager picks a rep's queue in the URL and reassigns a lead to another rep", async ({ page }) => {
  await signIn(page, "manager@leadgate.test", "/queue");
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
  await signIn(page, "marketer@leadgate.test");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/board\?denied=1/);
});
