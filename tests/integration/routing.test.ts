import { beforeEach, describe, expect, test } from "vitest";
import { SETTING_KEYS } from "@/lib/core/workflow-settings";
import type { RoutingRules } from "@/lib/core/workflow-settings";
import { bulkMoveAction } from "@/lib/server/funnel/bulk-lead-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { db } from "@/lib/server/store/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { routeNewMqls } from "@/lib/server/funnel/routing";
import { transaction } from "@/lib/server/store/database";
import { saveSettingNow } from "@/lib/server/settings/workflow-settings";
import { createDisqualificationReasons, createLead, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

type User = { id: string; name: string };
let marketer: User;
let manager: User;
let reps: User[];

// Routing sees every active rep in the database, so each test starts from an empty team.
beforeEach(async () => {
  await db.leadAssignment.deleteMany();
  await db.stageTransition.deleteMany();
  await db.event.deleteMany();
  await db.lead.deleteMany();
  await db.setting.deleteMany();
  await db.user.deleteMany();
  await db.disqualificationReason.deleteMany();
  await createDisqualificationReasons();
  marketer = await createUser("MARKETER", { name: "Maya Marketer" });
  manager = await createUser("MANAGER", { name: "Morgan Manager" });
  reps = [await createUser("SALES", { name: "Ana" }), await createUser("SALES", { name: "Ben" }), await createUser("SALES", { name: "Cleo" })];
});

async function setRules(rules: RoutingRules) {
  await saveSettingNow(SETTING_KEYS.routing, rules, manager.id);
}

async function markMql(leadId: string) {
  signInAs(marketer);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  const result = await moveLeadAction({ leadId, version: lead.version, move: "markMql" });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function leadIn(country: string | null, stage: "LEAD" | "SAL" = "LEAD", ownerId: string | null = null) {
  const lead = await createLead({ stage, ownerId });
  return db.lead.update({ where: { id: lead.id }, data: { country } });
}

async function ownerCounts(): Promise<Record<string, number>> {
  const rows = await db.lead.groupBy({ by: ["ownerId"], where: { stage: "MQL" }, _count: { _all: true } });
  const names = new Map(reps.map((rep) => [rep.id, rep.name]));
  return Object.fromEntries(rows.map((row) => [row.ownerId ? names.get(row.ownerId) : "unassigned", row._count._all]));
}

describe("round robin (the default)", () => {
  test("30 MQLs marked one at a time go to 3 reps 10 each, in rotation", async () => {
    const owners: string[] = [];
    for (let i = 0; i < 30; i++) {
      const lead = await leadIn("US");
      owners.push((await markMql(lead.id)).ownerName ?? "unassigned");
    }
    expect(await ownerCounts()).toEqual({ Ana: 10, Ben: 10, Cleo: 10 });
    // A strict rotation: every window of three consecutive MQLs has each rep once.
    for (let i = 0; i + 3 <= owners.length; i++) expect(new Set(owners.slice(i, i + 3)).size).toBe(3);
  });

  test("a bulk mark continues the rotation where single marks left it", async () => {
    await markMql((await leadIn("US")).id);
    const leads = await Promise.all(Array.from({ length: 5 }, () => leadIn("US")));
    signInAs(marketer);
    const result = await bulkMoveAction({ leadIds: leads.map((lead) => lead.id), move: "markMql" });
    expect(result).toMatchObject({ ok: true, data: { done: 5, refused: 0 } });
    // 6 MQLs over 3 reps: 2 each, wherever the rotation started.
    expect(await ownerCounts()).toEqual({ Ana: 2, Ben: 2, Cleo: 2 });
  });

  test("two transactions routing at once take turns: the second sees whom the first chose", async () => {
    const [first, second] = [await leadIn("US"), await leadIn("US")];
    let firstRouted!: () => void;
    let endFirst!: () => void;
    const routed = new Promise<void>((resolve) => (firstRouted = resolve));
    const firstMayEnd = new Promise<void>((resolve) => (endFirst = resolve));
    const firstOwners = transaction(async (tx) => {
      const owners = await routeNewMqls(tx, [{ id: first.id, country: "US", ownerId: null }], new Date());
      firstRouted();
      await firstMayEnd;
      return owners;
    });
    await routed;
    // On PostgreSQL this transaction runs beside the first, still open: without a lock it would
    // read the same loads and pick the same rep. On SQLite it waits for the first anyway.
    const secondOwners = transaction((tx) => routeNewMqls(tx, [{ id: second.id, country: "US", ownerId: null }], new Date()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    endFirst();
    const [a, b] = await Promise.all([firstOwners, secondOwners]);
    expect(a.get(first.id)).toBeTruthy();
    expect(b.get(second.id)).toBeTruthy();
    expect(b.get(second.id)).not.toBe(a.get(first.id));
  });

  test("inactive reps get nothing", async () => {
    await db.user.update({ where: { id: reps[2].id }, data: { active: false } });
    for (let i = 0; i < 4; i++) await markMql((await leadIn(null)).id);
    expect(await ownerCounts()).toEqual({ Ana: 2, Ben: 2 });
  });

  test("every routing is recorded with its rule", async () => {
    const lead = await leadIn("US");
    const routed = await markMql(lead.id);
    const [assignment] = await db.leadAssignment.findMany({ where: { leadId: lead.id } });
    expect(assignment).toMatchObject({ fromOwnerId: null, toOwnerId: routed.ownerId, actorId: null, rule: "Round robin" });
  });
});

describe("territories and caps", () => {
  test("a lead from a territory's country goes round robin among that territory's reps only", async () => {
    await setRules({ territories: [{ name: "DACH", countries: ["DE", "AT", "CH"], repIds: [reps[0].id, reps[1].id] }], maxOpenSals: null });
    for (const country of ["DE", "AT", "CH", "DE"]) await markMql((await leadIn(country)).id);
    expect(await ownerCounts()).toEqual({ Ana: 2, Ben: 2 });
    const dachLead = await leadIn("de");
    await markMql(dachLead.id);
    expect(await db.leadAssignment.findFirstOrThrow({ where: { leadId: dachLead.id } })).toMatchObject({ rule: "Territory DACH" });
  });

  test("a lead outside every territory goes round robin among all reps", async () => {
    await setRules({ territories: [{ name: "DACH", countries: ["DE"], repIds: [reps[0].id] }], maxOpenSals: null });
    for (let i = 0; i < 3; i++) await markMql((await leadIn("US")).id);
    expect(await ownerCounts()).toEqual({ Ana: 1, Ben: 1, Cleo: 1 });
  });

  test("reps at the open-SAL cap are skipped; when all are at it the MQL waits unassigned, and the record says why", async () => {
    await setRules({ territories: [], maxOpenSals: 2 });
    await leadIn(null, "SAL", reps[0].id);
    await leadIn(null, "SAL", reps[0].id);
    await leadIn(null, "SAL", reps[1].id);
    const first = await markMql((await leadIn("US")).id);
    const second = await markMql((await leadIn("US")).id);
    expect([first.ownerName, second.ownerName].sort()).toEqual(["Ben", "Cleo"]);

    await leadIn(null, "SAL", reps[1].id);
    await leadIn(null, "SAL", reps[2].id);
    await leadIn(null, "SAL", reps[2].id);
    const waiting = await leadIn("US");
    const third = await markMql(waiting.id);
    expect(third.ownerId).toBeNull();
    const record = await db.leadAssignment.findFirstOrThrow({ where: { leadId: waiting.id } });
    expect(record.rule).toBe("Round robin: every rep has 2 open SALs (the cap)");
  });
});

describe("the score promotes and routes; people's returns stick", () => {
  async function promisingLead() {
    const lead = await createLead();
    return db.lead.update({
      where: { id: lead.id },
      data: { companySize: 1500, seniority: "VP", industry: "Software", website: "https://acme.example", country: "US" },
    });
  }

  test("an event that lifts the score over the threshold makes an MQL and routes it in the same write", async () => {
    const lead = await promisingLead();
    const [result] = (await ingestEvents([{ leadId: lead.id, type: "meeting_booked" }, { leadId: lead.id, type: "contact_request" }], { source: "api" })).slice(-1);
    expect(result).toMatchObject({ status: "created" });
    const stored = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.stage).toBe("MQL");
    expect(reps.map((rep) => rep.id)).toContain(stored.ownerId);
    expect(await db.leadAssignment.count({ where: { leadId: lead.id, toOwnerId: stored.ownerId, actorId: null } })).toBe(1);
  });

  test("a rep's rejection sends the lead back without an owner, and new activity does not promote it again", async () => {
    const lead = await promisingLead();
    await ingestEvents([{ leadId: lead.id, type: "meeting_booked" }, { leadId: lead.id, type: "contact_request" }], { source: "api" });
    const mql = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    const owner = reps.find((rep) => rep.id === mql.ownerId)!;
    signInAs(owner);
    const rejected = await moveLeadAction({ leadId: lead.id, version: mql.version, move: "reject", reasonCode: "no_project", reason: "Student project, no budget" });
    expect(rejected).toMatchObject({ ok: true, data: { stage: "LEAD", ownerId: null } });
    expect(await db.leadAssignment.findFirst({ where: { leadId: lead.id, toOwnerId: null }, select: { fromOwnerId: true, rule: true } })).toEqual({
      fromOwnerId: owner.id,
      rule: "Returned to marketing",
    });

    await ingestEvents([{ leadId: lead.id, type: "webinar_attended" }], { source: "api" });
    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.stage).toBe("LEAD");
    expect(after.totalScore).toBeGreaterThanOrEqual(80);

    signInAs(marketer);
    const again = await moveLeadAction({ leadId: lead.id, version: after.version, move: "markMql" });
    expect(again).toMatchObject({ ok: true, data: { stage: "MQL" } });
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).returnedAt).toBeNull();
  });
});
