import { beforeAll, describe, expect, test } from "vitest";
import { bulkAssignAction, bulkMoveAction, matchingLeadIdsAction } from "@/lib/server/funnel/bulk-lead-actions";
import { db } from "@/lib/server/store/db";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

async function stages(ids: string[]) {
  const rows = await db.lead.findMany({ where: { id: { in: ids } }, select: { id: true, stage: true, ownerId: true } });
  return ids.map((id) => rows.find((row) => row.id === id));
}

describe("bulk mark MQL", () => {
  test("a marketer's batch: LEADs become MQLs and are routed, MQLs are left as they are, SALs are refused with the reason", async () => {
    const lead = await createLead({ stage: "LEAD" });
    const alreadyMql = await createLead({ stage: "MQL" });
    const accepted = await createLead({ stage: "SAL", ownerId: users.rep.id });
    signInAs(users.marketer);
    const result = await bulkMoveAction({ leadIds: [lead.id, alreadyMql.id, accepted.id, "missing-lead"], move: "markMql" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ done: 1, unchanged: 1, refused: 2 });
    expect(result.data.rows.map((row) => row.status)).toEqual(["done", "unchanged", "refused", "refused"]);
    expect(result.data.rows[2].message).toMatch(/applies to leads in LEAD; this lead is in SAL/);
    expect(result.data.rows[3].message).toBe("This lead no longer exists.");

    const [moved, untouched, sal] = await stages([lead.id, alreadyMql.id, accepted.id]);
    expect(moved?.stage).toBe("MQL");
    expect([users.rep.id, users.otherRep.id]).toContain(moved?.ownerId);
    expect(untouched?.stage).toBe("MQL");
    expect(sal?.stage).toBe("SAL");
    expect(await db.stageTransition.count({ where: { leadId: lead.id, move: "markMql", actorId: users.marketer.id } })).toBe(1);
    expect(await db.stageTransition.count({ where: { leadId: { in: [alreadyMql.id, accepted.id] } } })).toBe(0);
  });

  test("a sales rep may not mark MQLs: every row is refused and nothing changes", async () => {
    const lead = await createLead();
    signInAs(users.rep);
    const result = await bulkMoveAction({ leadIds: [lead.id], move: "markMql" });
    expect(result).toMatchObject({ ok: true, data: { done: 0, refused: 1 } });
    expect((await stages([lead.id]))[0]?.stage).toBe("LEAD");
  });
});

describe("bulk disqualify", () => {
  test("a rep disqualifies own SALs only; a reason from the managed list is required", async () => {
    const mine = await createLead({ stage: "SAL", ownerId: users.rep.id });
    const theirs = await createLead({ stage: "SAL", ownerId: users.otherRep.id });
    const fresh = await createLead({ stage: "LEAD" });
    signInAs(users.rep);

    const withoutReason = await bulkMoveAction({ leadIds: [mine.id], move: "disqualify" });
    expect(withoutReason).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reasonCode: "Pick a disqualification reason from the list, or Other." } } });
    const unknownReason = await bulkMoveAction({ leadIds: [mine.id], move: "disqualify", reasonCode: "made_up" });
    expect(unknownReason).toMatchObject({ ok: false, error: { fieldErrors: { reasonCode: '"made_up" is not an active disqualification reason.' } } });
    expect((await stages([mine.id]))[0]?.stage).toBe("SAL");

    const result = await bulkMoveAction({ leadIds: [mine.id, theirs.id, fresh.id], move: "disqualify", reasonCode: "no_budget", reason: "Budget frozen until 2028" });
    expect(result).toMatchObject({ ok: true, data: { done: 1, refused: 2 } });
    if (!result.ok) return;
    expect(result.data.rows[1].message).toMatch(/belongs to another rep/);
    expect(result.data.rows[2].message).toMatch(/Sales reps can't disqualify a LEAD lead/);
    const transition = await db.stageTransition.findFirstOrThrow({ where: { leadId: mine.id } });
    expect(transition).toMatchObject({ toStage: "DISQUALIFIED", reasonCode: "no_budget", reason: "Budget frozen until 2028", actorId: users.rep.id });
  });
});

describe("bulk assign", () => {
  test("a manager reassigns MQL/SAL/SQL leads; LEADs are refused, already-owned ones unchanged, each change recorded", async () => {
    const mql = await createLead({ stage: "MQL", ownerId: users.otherRep.id });
    const sal = await createLead({ stage: "SAL", ownerId: users.otherRep.id });
    const owned = await createLead({ stage: "SQL", ownerId: users.rep.id });
    const nurture = await createLead({ stage: "LEAD" });
    signInAs(users.manager);
    const result = await bulkAssignAction({ leadIds: [mql.id, sal.id, owned.id, nurture.id], assigneeId: users.rep.id });
    expect(result).toMatchObject({ ok: true, data: { done: 2, unchanged: 1, refused: 1 } });
    expect((await stages([mql.id, sal.id])).map((row) => row?.ownerId)).toEqual([users.rep.id, users.rep.id]);
    const records = await db.leadAssignment.findMany({ where: { leadId: { in: [mql.id, sal.id, owned.id, nurture.id] } } });
    expect(records).toHaveLength(2);
    expect(records.every((record) => record.fromOwnerId === users.otherRep.id && record.toOwnerId === users.rep.id && record.actorId === users.manager.id)).toBe(true);
  });

  test("only managers assign, and only to an active sales rep", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.marketer);
    expect(await bulkAssignAction({ leadIds: [lead.id], assigneeId: users.rep.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signInAs(users.manager);
    expect(await bulkAssignAction({ leadIds: [lead.id], assigneeId: users.marketer.id })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { assigneeId: "Choose an active sales rep." } } });
    expect(await bulkAssignAction({ leadIds: [], assigneeId: users.rep.id })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { leadIds: "Select at least one lead." } } });
  });

  test("a full batch of 1,000 leads is written in one go", async () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `full-batch-${index}`);
    await db.lead.createMany({
      data: ids.map((id) => ({ id, email: `${id}@customer.example`, firstName: "Batch", lastName: id, searchText: id, stage: "MQL", ownerId: users.otherRep.id })),
    });
    signInAs(users.manager);
    expect(await bulkAssignAction({ leadIds: ids, assigneeId: users.rep.id })).toMatchObject({ ok: true, data: { done: 1000, refused: 0 } });
    expect(await db.lead.count({ where: { id: { in: ids.slice(0, 500) }, ownerId: users.rep.id } })).toBe(500);
    expect(await db.leadAssignment.count({ where: { leadId: { startsWith: "full-batch-" } } })).toBe(1000);

    signInAs(users.marketer);
    await db.lead.updateMany({ where: { id: { startsWith: "full-batch-" } }, data: { stage: "LEAD", ownerId: null } });
    expect(await bulkMoveAction({ leadIds: ids, move: "markMql" })).toMatchObject({ ok: true, data: { done: 1000 } });
    expect(await db.lead.count({ where: { id: { startsWith: "full-batch-" }, stage: "MQL", ownerId: { not: null } } })).toBe(1000);
  });

  test("batches are limited to 1,000 leads", async () => {
    signInAs(users.manager);
    const ids = Array.from({ length: 1001 }, (_, index) => `lead-${index}`);
    expect(await bulkAssignAction({ leadIds: ids, assigneeId: users.rep.id })).toMatchObject({ ok: false, error: { fieldErrors: { leadIds: "At most 1000 leads per batch." } } });
  });
});

describe("all matching the filter", () => {
  test("returns the ids the table's filter matches, in table order", async () => {
    const company = "Matching Filter Corp";
    const low = await createLead({ company, totalScore: 10 });
    const high = await createLead({ company, totalScore: 90 });
    await createLead({ company: "Someone Else", totalScore: 95 });
    signInAs(users.marketer);
    const result = await matchingLeadIdsAction({ query: "q=matching+filter+corp&sort=totalScore.desc" });
    expect(result).toMatchObject({ ok: true, data: { ids: [high.id, low.id], total: 2, limit: 25_000 } });
  });

  test("needs a signed-in user", async () => {
    signInAs(null);
    expect(await matchingLeadIdsAction({ query: "" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
