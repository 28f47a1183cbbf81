import { beforeAll, describe, expect, test } from "vitest";
import { bulkMoveAction } from "@/lib/server/funnel/bulk-lead-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { createReasonAction, renameReasonAction, reorderReasonsAction, setReasonActiveAction } from "@/lib/server/settings/workflow-settings-actions";
import { db } from "@/lib/server/store/db";
import { getLeadDetails } from "@/lib/server/leads/lead-details";
import { dashboardFiltersFromQuery, dashboardMetrics } from "@/lib/server/metrics/metrics";
import { moveLead } from "@/lib/server/funnel/move-lead";
import { listReasons } from "@/lib/server/settings/reason-lists";
import { loadReviewQueue } from "@/lib/server/funnel/review-queue";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

// Why sales rejects an MQL: a managed list like the disqualification reasons, plus "Other" with a written reason.

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

const rejectReason = (code: string) => db.rejectReason.findUniqueOrThrow({ where: { code } });
const codes = async () => (await listReasons("reject")).map((reason) => reason.code);

describe("the managed list of reject reasons", () => {
  test("every database starts with the defaults, in order, none used yet", async () => {
    expect(await listReasons("reject")).toEqual([
      expect.objectContaining({ code: "no_project", label: "No current project or need", active: true, uses: 0 }),
      expect.objectContaining({ code: "not_ready", label: "Not ready to talk to sales yet" }),
      expect.objectContaining({ code: "wrong_contact", label: "Wrong contact: not involved in buying" }),
      expect.objectContaining({ code: "unreachable", label: "Could not reach them" }),
      expect.objectContaining({ code: "bad_details", label: "Contact or company details missing or wrong" }),
      expect.objectContaining({ code: "already_with_sales", label: "Already a customer or talking to sales" }),
    ]);
  });

  test("an admin adds, renames, reorders and deactivates reject reasons; the disqualification reasons stay as they were", async () => {
    const disqualificationBefore = await listReasons("disqualification");
    signInAs(users.admin);
    const created = await createReasonAction({ list: "reject", label: " Reseller, not an end customer " });
    expect(created).toMatchObject({ ok: true, data: { code: "reseller_not_an_end_customer", label: "Reseller, not an end customer", active: true, uses: 0 } });
    if (!created.ok) throw new Error(created.error.message);
    expect((await codes()).at(-1)).toBe("reseller_not_an_end_customer");

    expect(await renameReasonAction({ list: "reject", id: created.data.id, label: "Reseller or partner" })).toEqual({ ok: true, data: undefined });
    expect(await rejectReason("reseller_not_an_end_customer")).toMatchObject({ label: "Reseller or partner" });

    const ids = (await listReasons("reject")).map((reason) => reason.id);
    const moved = [created.data.id, ...ids.filter((id) => id !== created.data.id)];
    expect(await reorderReasonsAction({ list: "reject", ids: moved })).toEqual({ ok: true, data: undefined });
    expect((await codes())[0]).toBe("reseller_not_an_end_customer");
    // The order must name every reject reason: the disqualification reasons' ids are another list.
    expect(await reorderReasonsAction({ list: "reject", ids: disqualificationBefore.map((reason) => reason.id) })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const unreachable = await rejectReason("unreachable");
    expect(await setReasonActiveAction({ list: "reject", id: unreachable.id, active: false })).toEqual({ ok: true, data: undefined });
    expect((await listReasons("reject")).find((reason) => reason.code === "unreachable")).toMatchObject({ active: false });

    expect(await listReasons("disqualification")).toEqual(disqualificationBefore);
    expect(await db.disqualificationReason.count({ where: { code: "reseller_not_an_end_customer" } })).toBe(0);
    // Another list's reason is not found in this one.
    expect(await renameReasonAction({ list: "reject", id: disqualificationBefore[0].id, label: "Nope" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    expect(await setReasonActiveAction({ list: "reject", id: unreachable.id, active: true })).toEqual({ ok: true, data: undefined });
  });

  test('"Other" is always offered, so no listed reason may be called that, and none takes its code', async () => {
    signInAs(users.manager);
    expect(await createReasonAction({ list: "reject", label: "other" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fieldErrors: { label: expect.stringContaining('"Other" is always offered') } },
    });
    const created = await createReasonAction({ list: "reject", label: "Other!" });
    expect(created).toMatchObject({ ok: true, data: { code: "other_2" } });
    expect(await createReasonAction({ list: "reject", label: "wrong contact: NOT involved in buying" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { label: 'There is already a reason called "Wrong contact: not involved in buying".' } },
    });
    if (created.ok) await setReasonActiveAction({ list: "reject", id: created.data.id, active: false });
  });

  test("the last active reject reason stays active", async () => {
    signInAs(users.manager);
    const active = (await listReasons("reject")).filter((reason) => reason.active);
    for (const reason of active.slice(1)) expect(await setReasonActiveAction({ list: "reject", id: reason.id, active: false })).toMatchObject({ ok: true });
    expect(await setReasonActiveAction({ list: "reject", id: active[0].id, active: false })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Keep at least one reason active: without one, sales can only reject with Other." },
    });
    for (const reason of active.slice(1)) await setReasonActiveAction({ list: "reject", id: reason.id, active: true });
  });

  test.each(["marketer", "rep"] as const)("a %s may not change them, and nothing changes", async (who) => {
    const before = await listReasons("reject");
    const noProject = await rejectReason("no_project");
    signInAs(users[who]);
    const results = await Promise.all([
      createReasonAction({ list: "reject", label: "Too small" }),
      renameReasonAction({ list: "reject", id: noProject.id, label: "Broke" }),
      setReasonActiveAction({ list: "reject", id: noProject.id, active: false }),
      reorderReasonsAction({ list: "reject", ids: [...before].reverse().map((reason) => reason.id) }),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await listReasons("reject")).toEqual(before);
  });
});

describe("rejecting an MQL", () => {
  test("a rep must pick an active reject reason; a note is optional and kept with the code", async () => {
    const lead = await createLead({ stage: "MQL", ownerId: users.rep.id });
    signInAs(users.rep);
    const refused = [
      await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reason: "Student, no budget" }),
      await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "no_budget" }),
    ];
    expect(refused[0]).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reasonCode: "Pick a reject reason from the list, or Other." } } });
    // A disqualification reason is not a reject reason.
    expect(refused[1]).toMatchObject({ ok: false, error: { fieldErrors: { reasonCode: '"no_budget" is not an active reject reason.' } } });

    signInAs(users.manager);
    const unreachable = await rejectReason("unreachable");
    await setReasonActiveAction({ list: "reject", id: unreachable.id, active: false });
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "unreachable" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reasonCode: '"unreachable" is not an active reject reason.' } },
    });
    signInAs(users.manager);
    await setReasonActiveAction({ list: "reject", id: unreachable.id, active: true });
    expect(await db.stageTransition.count({ where: { leadId: lead.id } })).toBe(0);

    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "wrong_contact", reason: " Asked for their CFO " })).toMatchObject({
      ok: true,
      data: { stage: "LEAD", ownerId: null },
    });
    expect(await db.stageTransition.findFirstOrThrow({ where: { leadId: lead.id } })).toMatchObject({ move: "reject", reasonCode: "wrong_contact", reason: "Asked for their CFO" });
    expect((await listReasons("reject")).find((reason) => reason.code === "wrong_contact")?.uses).toBeGreaterThanOrEqual(1);
  });

  test('"Other" needs the reason written out', async () => {
    const lead = await createLead({ stage: "MQL", ownerId: users.rep.id });
    signInAs(users.rep);
    for (const reason of [undefined, "  ", "no"]) {
      expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "other", reason })).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", fieldErrors: { reason: 'With "Other", write the reason (at least 3 characters).' } },
      });
    }
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "other", reason: "Event contact, no project" })).toMatchObject({ ok: true });
    expect(await db.stageTransition.findFirstOrThrow({ where: { leadId: lead.id } })).toMatchObject({ reasonCode: "other", reason: "Event contact, no project" });
  });

  test('disqualifying offers "Other" too, with the reason written out', async () => {
    const lead = await createLead();
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "other" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: expect.stringContaining('With "Other"') } },
    });
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "other", reason: "Bought a competitor last month" })).toMatchObject({
      ok: true,
      data: { stage: "DISQUALIFIED" },
    });

    // The lead table's bulk disqualify too.
    const batch = await createLead();
    expect(await bulkMoveAction({ leadIds: [batch.id], move: "disqualify", reasonCode: "other" })).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.any(String) } } });
    expect(await bulkMoveAction({ leadIds: [batch.id], move: "disqualify", reasonCode: "other", reason: "Trade fair badge scan, no company" })).toMatchObject({ ok: true });
    expect(await db.stageTransition.findFirstOrThrow({ where: { leadId: batch.id } })).toMatchObject({ move: "disqualify", reasonCode: "other", reason: "Trade fair badge scan, no company" });
  });
});

describe("how rejections read and are counted", () => {
  const marketer = () => ({ id: users.marketer.id, role: "MARKETER" as const });
  const manager = () => ({ id: users.manager.id, role: "MANAGER" as const });

  /** A lead marked MQL by marketing (so it entered MQL today), then sent back by sales as given. */
  async function rejected(details: { reasonCode?: string; reason?: string } | "written before the list") {
    const lead = await createLead();
    await moveLead(marketer(), { leadId: lead.id, version: 1, move: "markMql" });
    if (details === "written before the list") {
      // As rejections were stored before reject reasons were listed: the text alone.
      await db.lead.update({ where: { id: lead.id }, data: { stage: "LEAD", ownerId: null, version: 3, returnedAt: new Date() } });
      await db.stageTransition.create({
        data: { leadId: lead.id, fromStage: "MQL", toStage: "LEAD", move: "reject", actorId: users.rep.id, reason: "Student, no budget", createdAt: new Date() },
      });
    } else {
      await moveLead(manager(), { leadId: lead.id, version: 2, move: "reject", ...details });
    }
    return lead;
  }

  const sentBackFromMql = async () => {
    const filters = dashboardFiltersFromQuery(new URLSearchParams());
    if (!filters.success) throw new Error("The default dashboard filters are valid.");
    const metrics = await dashboardMetrics(filters.data);
    const reasons = metrics.funnel.find((step) => step.stage === "MQL")?.losses.sentBack.reasons ?? [];
    return new Map(reasons.map((row) => [row.reason, row.count]));
  };

  test("the dashboard groups rejections by their listed reason's label; Other and older free-text rejections count as Other", async () => {
    const before = await sentBackFromMql();
    await rejected({ reasonCode: "not_ready" });
    await rejected({ reasonCode: "not_ready", reason: "Budget cycle starts in April" });
    await rejected({ reasonCode: "other", reason: "Event contact, no project" });
    await rejected("written before the list");

    signInAs(users.manager);
    const notReady = await rejectReason("not_ready");
    expect(await renameReasonAction({ list: "reject", id: notReady.id, label: "Not ready for sales" })).toMatchObject({ ok: true });

    const after = await sentBackFromMql();
    const added = (reason: string) => (after.get(reason) ?? 0) - (before.get(reason) ?? 0);
    // Grouped by code, so the new label counts the rejections made under the old one.
    expect(added("Not ready for sales")).toBe(2);
    expect(added("Other")).toBe(2);
    expect([...after.keys()]).not.toContain("not_ready");
    expect([...after.keys()]).not.toContain("Student, no budget");
    await renameReasonAction({ list: "reject", id: notReady.id, label: "Not ready to talk to sales yet" });
  });

  test('marketing reads a listed reason by its label with the note, and a free-text rejection as "Other: <text>"', async () => {
    const listed = await rejected({ reasonCode: "bad_details", reason: "Bounced twice" });
    const other = await rejected({ reasonCode: "other", reason: "Event contact, no project" });
    const older = await rejected("written before the list");
    const rows = (await loadReviewQueue({ tab: "returned", page: 1, userId: users.marketer.id })).rows;
    const returnOf = (id: string) => rows.find((row) => row.id === id)?.lastReturn;
    expect(returnOf(listed.id)).toMatchObject({ move: "reject", reason: "Contact or company details missing or wrong", note: "Bounced twice" });
    expect(returnOf(other.id)).toMatchObject({ reason: "Other: Event contact, no project", note: null });
    expect(returnOf(older.id)).toMatchObject({ reason: "Other: Student, no budget", note: null });

    const history = (await getLeadDetails(older.id)).history.find((entry) => entry.move === "reject");
    expect(history).toMatchObject({ reasonLabel: "Other", reason: "Student, no budget" });
    expect((await getLeadDetails(listed.id)).history.find((entry) => entry.move === "reject")).toMatchObject({
      reasonLabel: "Contact or company details missing or wrong",
      reason: "Bounced twice",
    });
  });
});
