import { beforeAll, describe, expect, test } from "vitest";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { db } from "@/lib/server/store/db";
import type { Team } from "../support/factories";
import { BANT_COMPLETE, createLead, createTeam, createUser } from "../support/factories";
import { asUser, signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

async function transitionsOf(leadId: string) {
  return db.stageTransition.findMany({ where: { leadId }, orderBy: { createdAt: "asc" } });
}

async function stageOf(leadId: string) {
  return (await db.lead.findUniqueOrThrow({ where: { id: leadId } })).stage;
}

describe("allowed moves write the lead and its transition together", () => {
  test("a marketer marks a lead MQL", async () => {
    const lead = await createLead();
    signInAs(users.marketer);
    const result = await moveLeadAction({ leadId: lead.id, version: lead.version, move: "markMql" });
    expect(result).toMatchObject({ ok: true, data: { stage: "MQL", version: 2 } });
    const [transition] = await transitionsOf(lead.id);
    expect(transition).toMatchObject({ fromStage: "LEAD", toStage: "MQL", move: "markMql", actorId: users.marketer.id });
  });

  test("a rep accepts an unassigned MQL and becomes its owner, then qualifies it with BANT", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.rep);
    const accepted = await moveLeadAction({ leadId: lead.id, version: 1, move: "accept" });
    expect(accepted).toMatchObject({ ok: true, data: { stage: "SAL", ownerId: users.rep.id, ownerName: "Sam Sales" } });
    const qualified = await moveLeadAction({ leadId: lead.id, version: 2, move: "qualify", checklist: BANT_COMPLETE });
    expect(qualified).toMatchObject({ ok: true, data: { stage: "SQL" } });
    const transitions = await transitionsOf(lead.id);
    expect(transitions.map((t) => `${t.fromStage}>${t.toStage}`)).toEqual(["MQL>SAL", "SAL>SQL"]);
    expect(JSON.parse(transitions[1].checklist ?? "{}")).toEqual(BANT_COMPLETE);
  });

  test("a manager accepts on behalf of a rep they choose", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.manager);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "accept", assigneeId: users.otherRep.id });
    expect(result).toMatchObject({ ok: true, data: { stage: "SAL", ownerId: users.otherRep.id } });
  });

  test("a rep rejects an MQL back to marketing with a listed reason and a note that are kept", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.rep);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "reject", reasonCode: "no_project", reason: "  Student, no budget  " });
    expect(result).toMatchObject({ ok: true, data: { stage: "LEAD" } });
    expect((await transitionsOf(lead.id))[0]).toMatchObject({ move: "reject", reasonCode: "no_project", reason: "Student, no budget" });
  });

  test("the owning rep disqualifies a SAL with a listed reason; a manager reopens it", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.rep.id });
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "no_budget" })).toMatchObject({ ok: true, data: { stage: "DISQUALIFIED" } });
    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: lead.id, version: 2, move: "reopen", reason: "Budget approved after all" })).toMatchObject({ ok: true, data: { stage: "LEAD" } });
    const transitions = await transitionsOf(lead.id);
    expect(transitions.map((t) => [t.move, t.reasonCode, t.actorId])).toEqual([
      ["disqualify", "no_budget", users.rep.id],
      ["reopen", null, users.manager.id],
    ]);
  });

  test("the owning rep wins and loses SQLs; losing keeps its reason", async () => {
    const won = await createLead({ stage: "SQL", ownerId: users.rep.id });
    const lost = await createLead({ stage: "SQL", ownerId: users.rep.id });
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: won.id, version: 1, move: "win", dealValue: 4_200, closedOn: "2026-11-30" })).toMatchObject({ ok: true, data: { stage: "WON" } });
    expect(await moveLeadAction({ leadId: lost.id, version: 1, move: "lose", reason: "Chose a competitor" })).toMatchObject({ ok: true, data: { stage: "LOST" } });
  });
});

describe("refused moves change nothing", () => {
  const refusals = [
    { who: "marketer" as const, move: "accept" as const, stage: "MQL" as const, owner: null, code: "FORBIDDEN" },
    { who: "rep" as const, move: "markMql" as const, stage: "LEAD" as const, owner: null, code: "FORBIDDEN" },
    { who: "admin" as const, move: "markMql" as const, stage: "LEAD" as const, owner: null, code: "FORBIDDEN" },
    { who: "rep" as const, move: "qualify" as const, stage: "SAL" as const, owner: "otherRep" as const, code: "FORBIDDEN" },
    { who: "rep" as const, move: "accept" as const, stage: "MQL" as const, owner: "otherRep" as const, code: "FORBIDDEN" },
    { who: "marketer" as const, move: "disqualify" as const, stage: "SAL" as const, owner: "rep" as const, code: "FORBIDDEN" },
    { who: "marketer" as const, move: "reopen" as const, stage: "DISQUALIFIED" as const, owner: null, code: "FORBIDDEN" },
    { who: "manager" as const, move: "accept" as const, stage: "LEAD" as const, owner: null, code: "FORBIDDEN" },
  ];
  test.each(refusals)("$who may not $move a $stage lead", async ({ who, move, stage, owner, code }) => {
    const lead = await createLead({ stage, ownerId: owner ? users[owner].id : null });
    signInAs(users[who]);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move, reason: "because", reasonCode: "no_budget", checklist: BANT_COMPLETE, assigneeId: users.rep.id });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage, version: 1 });
    expect(await transitionsOf(lead.id)).toEqual([]);
  });

  test("the refusal says why in words a user understands", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.otherRep.id });
    signInAs(users.rep);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "qualify", checklist: BANT_COMPLETE });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ message: "This lead belongs to another rep: only the owning rep or a manager can qualify it." }),
    });
  });

  test("nobody signed in, or a deactivated user, is refused before anything is read", async () => {
    const lead = await createLead();
    signInAs(null);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "markMql" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    signInAs(await createUser("MARKETER", { active: false }));
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "markMql" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await stageOf(lead.id)).toBe("LEAD");
  });

  test("malformed input is refused with the field named", async () => {
    signInAs(users.manager);
    const lead = await createLead();
    const unknownMove = await moveLeadAction({ leadId: lead.id, version: 1, move: "teleport" } as never);
    expect(unknownMove).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { move: "Unknown move." } } });
    const extraField = await moveLeadAction({ leadId: lead.id, version: 1, move: "markMql", stage: "WON" } as never);
    expect(extraField).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const badVersion = await moveLeadAction({ leadId: lead.id, version: "1", move: "markMql" } as never);
    expect(badVersion).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { version: expect.any(String) } } });
    expect(await stageOf(lead.id)).toBe("LEAD");
  });

  test("a missing lead is reported as such", async () => {
    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: "nope", version: 1, move: "markMql" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("required details", () => {
  test.each([
    { move: "nurture" as const, stage: "MQL" as const, who: "marketer" as const },
    { move: "reopen" as const, stage: "DISQUALIFIED" as const, who: "manager" as const },
  ])("$move without a reason is refused and names the reason field", async ({ move, stage, who }) => {
    const lead = await createLead({ stage });
    signInAs(users[who]);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move, reason: " " });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reason: expect.stringContaining("reason") } } });
    expect(await stageOf(lead.id)).toBe(stage);
  });

  test("recycling and losing need a reason too", async () => {
    const sal = await createLead({ stage: "SAL", ownerId: users.rep.id });
    const sql = await createLead({ stage: "SQL", ownerId: users.rep.id });
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: sal.id, version: 1, move: "recycle" })).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.any(String) } } });
    expect(await moveLeadAction({ leadId: sql.id, version: 1, move: "lose" })).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.any(String) } } });
  });

  test("disqualifying needs a reason from the managed list; an inactive reason is refused", async () => {
    await db.disqualificationReason.update({ where: { code: "spam" }, data: { active: false } });
    const lead = await createLead();
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reason: "free text" })).toMatchObject({ ok: false, error: { fieldErrors: { reasonCode: expect.any(String) } } });
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "spam" })).toMatchObject({ ok: false, error: { fieldErrors: { reasonCode: expect.stringContaining("not an active") } } });
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "student" })).toMatchObject({ ok: true });
  });

  test("qualifying with an incomplete checklist is refused and says what is missing", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.rep.id });
    signInAs(users.rep);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "qualify", checklist: { ...BANT_COMPLETE, authority: false } });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { checklist: "Complete the qualification checklist first: Authority is not confirmed." } } });
    expect(await stageOf(lead.id)).toBe("SAL");
  });

  test("a manager accepting must choose an active rep", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "accept" })).toMatchObject({ ok: false, error: { fieldErrors: { assigneeId: expect.any(String) } } });
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "accept", assigneeId: users.marketer.id })).toMatchObject({ ok: false, error: { fieldErrors: { assigneeId: expect.any(String) } } });
  });
});

describe("concurrent moves", () => {
  test("two reps accepting the same MQL at once: exactly one wins, the other is told who", async () => {
    const lead = await createLead({ stage: "MQL" });
    const results = await Promise.all([users.rep, users.otherRep].map((rep) => asUser(rep, () => moveLeadAction({ leadId: lead.id, version: 1, move: "accept" }))));
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const saved = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { owner: true } });
    expect(saved).toMatchObject({ stage: "SAL", version: 2 });
    expect(losers[0]).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining(`${saved.owner?.name} moved this lead to SAL`), details: { lead: { stage: "SAL" } } },
    });
    const [transition] = await transitionsOf(lead.id);
    expect(transition.actorId).toBe(saved.ownerId);
    const loser = saved.ownerId === users.rep.id ? users.otherRep : users.rep;
    expect(loser.name).not.toBe(saved.owner?.name);
  });

  test("a stale page (an old version) is refused even when the move would still be allowed", async () => {
    const lead = await createLead({ stage: "MQL" });
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "nurture", reason: "Not ready" })).toMatchObject({ ok: true });
    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: lead.id, version: 2, move: "markMql" })).toMatchObject({ ok: true });
    signInAs(users.marketer);
    const stale = await moveLeadAction({ leadId: lead.id, version: 2, move: "nurture", reason: "Still not ready" });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Morgan Manager moved this lead to MQL") } });
    expect(await transitionsOf(lead.id)).toHaveLength(2);
  });

  test("many concurrent moves on one lead record exactly one transition", async () => {
    const lead = await createLead();
    signInAs(users.marketer);
    const results = await Promise.all(Array.from({ length: 10 }, () => moveLeadAction({ leadId: lead.id, version: 1, move: "markMql" })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await transitionsOf(lead.id)).toHaveLength(1);
  });
});
