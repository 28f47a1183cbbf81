import { beforeAll, describe, expect, test } from "vitest";
import type { Stage } from "@/lib/core/stages";
import { SETTING_KEYS } from "@/lib/core/workflow-settings";
import { bulkAssignAction } from "@/lib/server/funnel/bulk-lead-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { db } from "@/lib/server/store/db";
import type { QueueSectionId, SalesQueue } from "@/lib/views/funnel";
import { QUEUE_MAX_ROWS, loadSalesQueue, parseQueueQuery } from "@/lib/server/funnel/sales-queue";
import { saveSettingNow } from "@/lib/server/settings/workflow-settings";
import type { Team } from "../support/factories";
import { createLead, createTeam, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

const HOUR = 3_600_000;
let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

type Viewer = { id: string; role: "SALES" | "MANAGER" };
const asRep = (user: { id: string }): Viewer => ({ id: user.id, role: "SALES" });

async function activeRepIds() {
  return (await db.user.findMany({ where: { role: "SALES", active: true }, select: { id: true } })).map((user) => user.id);
}

async function queueFor(viewer: Viewer, params: Record<string, string> = {}, now = new Date()): Promise<SalesQueue> {
  return loadSalesQueue(parseQueueQuery(params, viewer, await activeRepIds()), viewer, now);
}

/** A lead in the stage, owned as given, that entered the stage the given hours before `now`. */
async function leadIn(stage: Stage, ownerId: string | null, hoursAgo: number, now = new Date()) {
  const lead = await createLead({ stage, ownerId });
  return db.lead.update({ where: { id: lead.id }, data: { stageEnteredAt: new Date(now.getTime() - hoursAgo * HOUR) } });
}

const idsIn = (queue: SalesQueue, section: QueueSectionId) => queue.sections[section].rows.map((row) => row.id);

describe("the SLA in the queue", () => {
  test("an MQL that entered 25 hours ago is overdue under the default 24 hours, and not under a stored 48", async () => {
    const rep = await createUser("SALES");
    const now = new Date();
    const late = await leadIn("MQL", rep.id, 25, now);
    const fresh = await leadIn("MQL", rep.id, 2, now);

    const byDefault = await queueFor(asRep(rep), {}, now);
    expect(byDefault.slaHours).toBe(24);
    expect(byDefault.sections.toAccept.rows.map((row) => [row.id, row.sla])).toEqual([
      [late.id, { dueAt: new Date(now.getTime() - HOUR).toISOString(), overdue: true, remainingMs: -HOUR }],
      [fresh.id, { dueAt: new Date(now.getTime() + 22 * HOUR).toISOString(), overdue: false, remainingMs: 22 * HOUR }],
    ]);
    expect(byDefault.sections.toAccept.overdue).toBe(1);

    await saveSettingNow(SETTING_KEYS.sla, { mqlResponseHours: 48 }, users.manager.id);
    try {
      const relaxed = await queueFor(asRep(rep), {}, now);
      expect(relaxed.slaHours).toBe(48);
      expect(relaxed.sections.toAccept.rows[0]).toMatchObject({ id: late.id, sla: { overdue: false, remainingMs: 23 * HOUR } });
      expect(relaxed.sections.toAccept.overdue).toBe(0);
    } finally {
      await db.setting.delete({ where: { key: SETTING_KEYS.sla } });
    }
  });

  test("the header counts overdue MQLs of the rep and the unassigned ones, beyond the loaded page too", async () => {
    const rep = await createUser("SALES");
    const now = new Date();
    const before = await queueFor(asRep(rep), {}, now);
    for (let i = 0; i < 27; i++) await leadIn("MQL", rep.id, 30 + i, now);
    await leadIn("MQL", null, 26, now);
    await leadIn("SAL", rep.id, 100, now);

    const queue = await queueFor(asRep(rep), {}, now);
    expect(queue.sections.toAccept).toMatchObject({ total: 27, overdue: 27, nextLimit: 50 });
    expect(queue.sections.toAccept.rows).toHaveLength(25);
    expect(queue.sections.unassigned.overdue).toBe(before.sections.unassigned.overdue + 1);
    expect(queue.overdue).toBe(27 + queue.sections.unassigned.overdue);
    expect(queue.sections.toQualify.overdue).toBe(0);
    expect(queue.sections.toQualify.rows[0].sla).toBeNull();
  });
});

describe("sections", () => {
  let repA: { id: string };
  let repB: { id: string };
  const leads: Record<string, string> = {};

  beforeAll(async () => {
    repA = await createUser("SALES");
    repB = await createUser("SALES");
    leads.aNewMql = (await leadIn("MQL", repA.id, 1)).id;
    leads.aOldMql = (await leadIn("MQL", repA.id, 5)).id;
    leads.aOldSal = (await leadIn("SAL", repA.id, 48)).id;
    leads.aNewSal = (await leadIn("SAL", repA.id, 3)).id;
    leads.aSql = (await leadIn("SQL", repA.id, 3)).id;
    leads.aLead = (await leadIn("LEAD", repA.id, 3)).id;
    leads.bMql = (await leadIn("MQL", repB.id, 2)).id;
    leads.bSal = (await leadIn("SAL", repB.id, 2)).id;
    leads.openMql = (await leadIn("MQL", null, 2)).id;
  });

  test("a rep sees their MQLs and SALs oldest first, and the unassigned MQLs", async () => {
    const queue = await queueFor(asRep(repA));
    expect(queue.scope).toEqual({ kind: "rep", repId: repA.id });
    expect(idsIn(queue, "toAccept")).toEqual([leads.aOldMql, leads.aNewMql]);
    expect(idsIn(queue, "toQualify")).toEqual([leads.aOldSal, leads.aNewSal]);
    expect(idsIn(queue, "unassigned")).toContain(leads.openMql);
    expect(idsIn(queue, "unassigned")).not.toContain(leads.bMql);
    expect(queue.sections.toAccept.total).toBe(2);
  });

  test("a rep can't look at another rep's queue through the URL", async () => {
    const queue = await queueFor(asRep(repA), { rep: repB.id });
    expect(queue.scope).toEqual({ kind: "rep", repId: repA.id });
    expect(idsIn(queue, "toAccept")).not.toContain(leads.bMql);
  });

  test("a manager sees a chosen rep's queue, or every rep's", async () => {
    const manager: Viewer = { id: users.manager.id, role: "MANAGER" };
    const ofB = await queueFor(manager, { rep: repB.id });
    expect(idsIn(ofB, "toAccept")).toEqual([leads.bMql]);
    expect(idsIn(ofB, "toQualify")).toEqual([leads.bSal]);

    for (const rep of ["all", "no-such-user", users.manager.id]) {
      const everyone = await queueFor(manager, { rep, toAccept: "1000", toQualify: "1000", unassigned: "1000" });
      expect(everyone.scope).toEqual({ kind: "allReps" });
      expect(idsIn(everyone, "toAccept")).toEqual(expect.arrayContaining([leads.aOldMql, leads.aNewMql, leads.bMql]));
      expect(idsIn(everyone, "toAccept")).not.toContain(leads.openMql);
      expect(idsIn(everyone, "toQualify")).toEqual(expect.arrayContaining([leads.aOldSal, leads.aNewSal, leads.bSal]));
      expect(idsIn(everyone, "toQualify")).not.toContain(leads.aSql);
      expect(idsIn(everyone, "unassigned")).toContain(leads.openMql);
      expect(everyone.sections.toAccept.rows.every((row) => row.ownerId !== null && row.stage === "MQL")).toBe(true);
    }
  });

  test("load more asks for whole pages, up to the cap", async () => {
    const rep = await createUser("SALES");
    for (let i = 0; i < 27; i++) await leadIn("SAL", rep.id, i + 1);
    const firstPage = (await queueFor(asRep(rep))).sections.toQualify;
    expect(firstPage).toMatchObject({ total: 27, nextLimit: 50 });
    expect(firstPage.rows).toHaveLength(25);
    const more = await queueFor(asRep(rep), { toQualify: "30" });
    expect(more.sections.toQualify).toMatchObject({ total: 27, nextLimit: 75 });
    expect(more.sections.toQualify.rows).toHaveLength(27);
    const enteredAt = more.sections.toQualify.rows.map((row) => row.stageEnteredAt);
    expect(enteredAt).toEqual([...enteredAt].sort());
    expect(parseQueueQuery({ toQualify: "99999999" }, asRep(rep), []).limits.toQualify).toBe(QUEUE_MAX_ROWS);
    expect((await queueFor(asRep(rep), { toQualify: String(QUEUE_MAX_ROWS) })).sections.toQualify.nextLimit).toBeNull();
    expect(parseQueueQuery({ toQualify: "-3" }, asRep(rep), []).limits.toQualify).toBe(25);
  });
});

describe("acting on the queue", () => {
  test("a rep accepts an unassigned MQL: it becomes theirs, to qualify", async () => {
    const rep = await createUser("SALES");
    const lead = await leadIn("MQL", null, 3);
    signInAs(rep);
    expect(await moveLeadAction({ leadId: lead.id, version: lead.version, move: "accept" })).toMatchObject({ ok: true, data: { stage: "SAL", ownerId: rep.id } });
    const queue = await queueFor(asRep(rep));
    expect(idsIn(queue, "unassigned")).not.toContain(lead.id);
    expect(idsIn(queue, "toQualify")).toEqual([lead.id]);
  });

  test("a rep's reject sends the lead to LEAD without an owner, with the reason kept for marketing", async () => {
    const rep = await createUser("SALES");
    const lead = await leadIn("MQL", rep.id, 3);
    signInAs(rep);
    const result = await moveLeadAction({ leadId: lead.id, version: lead.version, move: "reject", reasonCode: "other", reason: "Wrong country, we don't sell there" });
    expect(result).toMatchObject({ ok: true, data: { stage: "LEAD", ownerId: null } });
    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "LEAD", ownerId: null, returnedAt: expect.any(Date) });
    expect(await db.stageTransition.findMany({ where: { leadId: lead.id } })).toEqual([
      expect.objectContaining({ fromStage: "MQL", toStage: "LEAD", move: "reject", actorId: rep.id, reasonCode: "other", reason: "Wrong country, we don't sell there" }),
    ]);
    expect(idsIn(await queueFor(asRep(rep)), "toAccept")).toEqual([]);
  });

  test("a manager reassigns one row with bulkAssignAction; the assignment is recorded and the queues follow", async () => {
    const from = await createUser("SALES", { name: "Rita Rep" });
    const to = await createUser("SALES", { name: "Toni Rep" });
    const lead = await leadIn("SAL", from.id, 3);

    signInAs(from);
    expect(await bulkAssignAction({ leadIds: [lead.id], assigneeId: to.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    signInAs(users.manager);
    const result = await bulkAssignAction({ leadIds: [lead.id], assigneeId: to.id });
    expect(result).toEqual({ ok: true, data: { rows: [{ id: lead.id, name: expect.any(String), status: "done" }], done: 1, unchanged: 0, refused: 0 } });
    expect(await db.leadAssignment.findMany({ where: { leadId: lead.id } })).toEqual([
      expect.objectContaining({ fromOwnerId: from.id, toOwnerId: to.id, actorId: users.manager.id, rule: "Reassigned by a manager" }),
    ]);
    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ ownerId: to.id, version: lead.version + 1 });
    expect(idsIn(await queueFor(asRep(from)), "toQualify")).toEqual([]);
    expect(idsIn(await queueFor(asRep(to)), "toQualify")).toEqual([lead.id]);

    const again = await bulkAssignAction({ leadIds: [lead.id], assigneeId: to.id });
    expect(again).toMatchObject({ ok: true, data: { unchanged: 1, rows: [{ status: "unchanged", message: "Already owned by Toni Rep." }] } });
  });
});
