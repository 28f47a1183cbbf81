import { describe, expect, test } from "vitest";
import type { Actor, LeadPosition, Move } from "./funnel";
import { authorizeMove, availableMoves, checkRequirements, findRule, movesTo, ownerAfterMove, refusedMoveReason, returnsToMarketing, transitionRecord } from "./funnel";
import { DEFAULT_CHECKLIST } from "./qualification";
import type { Role } from "./roles";
import type { Stage } from "./stages";

const ME = "rep-me";
const OTHER = "rep-other";
const actor = (role: Role, id = ME): Actor => ({ id, role });

type Owner = "mine" | "other" | "none";
const ownerId = (owner: Owner) => (owner === "mine" ? ME : owner === "other" ? OTHER : null);
const rule = (move: Move, from: Stage) => {
  const found = findRule(move, from);
  if (!found) throw new Error(`no rule ${move} from ${from}`);
  return found;
};

// Written out by hand from SPEC section 1, one line per (move, from stage, role, ownership).
// "allowed" lists the roles that may; every other role is expected to be refused.
const table: Array<{ move: Move; from: Stage; to: Stage; owner: Owner; allowed: Role[] }> = [
  { move: "markMql", from: "LEAD", to: "MQL", owner: "none", allowed: ["MARKETER", "MANAGER"] },
  { move: "nurture", from: "MQL", to: "LEAD", owner: "none", allowed: ["MARKETER", "MANAGER"] },
  { move: "accept", from: "MQL", to: "SAL", owner: "none", allowed: ["SALES", "MANAGER"] },
  { move: "accept", from: "MQL", to: "SAL", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "accept", from: "MQL", to: "SAL", owner: "other", allowed: ["MANAGER"] },
  { move: "reject", from: "MQL", to: "LEAD", owner: "none", allowed: ["SALES", "MANAGER"] },
  { move: "reject", from: "MQL", to: "LEAD", owner: "other", allowed: ["MANAGER"] },
  { move: "qualify", from: "SAL", to: "SQL", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "qualify", from: "SAL", to: "SQL", owner: "other", allowed: ["MANAGER"] },
  { move: "recycle", from: "SAL", to: "LEAD", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "recycle", from: "SAL", to: "LEAD", owner: "other", allowed: ["MANAGER"] },
  { move: "disqualify", from: "LEAD", to: "DISQUALIFIED", owner: "none", allowed: ["MARKETER", "MANAGER"] },
  { move: "disqualify", from: "LEAD", to: "DISQUALIFIED", owner: "mine", allowed: ["MARKETER", "MANAGER"] },
  { move: "disqualify", from: "MQL", to: "DISQUALIFIED", owner: "none", allowed: ["MARKETER", "MANAGER"] },
  { move: "disqualify", from: "SAL", to: "DISQUALIFIED", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "disqualify", from: "SAL", to: "DISQUALIFIED", owner: "other", allowed: ["MANAGER"] },
  { move: "win", from: "SQL", to: "WON", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "win", from: "SQL", to: "WON", owner: "other", allowed: ["MANAGER"] },
  { move: "lose", from: "SQL", to: "LOST", owner: "mine", allowed: ["SALES", "MANAGER"] },
  { move: "lose", from: "SQL", to: "LOST", owner: "other", allowed: ["MANAGER"] },
  { move: "reopen", from: "DISQUALIFIED", to: "LEAD", owner: "none", allowed: ["MANAGER"] },
];

const ROLES_UNDER_TEST: Role[] = ["ADMIN", "MANAGER", "MARKETER", "SALES"];
const cases = table.flatMap((row) =>
  ROLES_UNDER_TEST.map((role) => ({ ...row, role, expected: row.allowed.includes(role) })),
);

describe("the move table", () => {
  test.each(cases)("$move $from→$to by $role on a lead owned by $owner: allowed=$expected", ({ move, from, to, owner, role, expected }) => {
    const lead: LeadPosition = { stage: from, ownerId: ownerId(owner) };
    const decision = authorizeMove({ actor: actor(role), lead, move });
    expect(decision.allowed).toBe(expected);
    if (decision.allowed) expect(decision.rule.to).toBe(to);
    else expect(decision.code).toMatch(role === "SALES" && owner === "other" ? /NOT_OWNER|FORBIDDEN/ : /FORBIDDEN/);
  });

  test("a sales rep is refused a move on another rep's lead with NOT_OWNER", () => {
    const decision = authorizeMove({ actor: actor("SALES"), lead: { stage: "SAL", ownerId: OTHER }, move: "qualify" });
    expect(decision).toMatchObject({ allowed: false, code: "NOT_OWNER" });
  });

  const wrongStages: Array<{ move: Move; stage: Stage }> = [
    { move: "markMql", stage: "MQL" },
    { move: "accept", stage: "LEAD" },
    { move: "accept", stage: "SAL" },
    { move: "qualify", stage: "MQL" },
    { move: "disqualify", stage: "SQL" },
    { move: "disqualify", stage: "WON" },
    { move: "win", stage: "SAL" },
    { move: "reopen", stage: "LOST" },
  ];
  test.each(wrongStages)("$move from $stage is refused as WRONG_STAGE even for a manager", ({ move, stage }) => {
    const decision = authorizeMove({ actor: actor("MANAGER"), lead: { stage, ownerId: null }, move });
    expect(decision).toMatchObject({ allowed: false, code: "WRONG_STAGE" });
  });

  test("an unknown move is refused", () => {
    const decision = authorizeMove({ actor: actor("MANAGER"), lead: { stage: "LEAD", ownerId: null }, move: "teleport" as Move });
    expect(decision).toMatchObject({ allowed: false, code: "UNKNOWN_MOVE" });
  });

  test("refusals explain who may make the move", () => {
    const decision = authorizeMove({ actor: actor("MARKETER"), lead: { stage: "MQL", ownerId: null }, move: "accept" });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toBe("Marketers can't accept a MQL lead; only sales reps and managers can.");
  });

  test("only the MQL promotion may be made by the system", () => {
    expect(findRule("markMql", "LEAD")?.system).toBe(true);
    expect(["nurture", "accept", "qualify", "reopen"].map((move) => findRule(move as Move, move === "qualify" ? "SAL" : move === "reopen" ? "DISQUALIFIED" : "MQL")?.system)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("moves offered to each role", () => {
  test("a marketer on an MQL is offered nurture and disqualify, never accept", () => {
    const moves = availableMoves(actor("MARKETER"), { stage: "MQL", ownerId: null }).map((rule) => rule.move);
    expect(moves).toEqual(["nurture", "disqualify"]);
  });

  test("a manager dropping an MQL on LEAD chooses between nurture and reject", () => {
    const moves = movesTo(actor("MANAGER"), { stage: "MQL", ownerId: null }, "LEAD").map((rule) => rule.move);
    expect(moves).toEqual(["nurture", "reject"]);
  });

  test("an admin is offered nothing", () => {
    expect(availableMoves(actor("ADMIN"), { stage: "LEAD", ownerId: null })).toEqual([]);
  });
});

describe("why a drop on a column is refused", () => {
  test("a role the move table leaves out is told who may make the move", () => {
    expect(refusedMoveReason(actor("MARKETER"), { stage: "MQL", ownerId: OTHER }, "SAL")).toBe("Only sales reps and managers can accept an MQL.");
    expect(refusedMoveReason(actor("SALES"), { stage: "MQL", ownerId: ME }, "DISQUALIFIED")).toBe("Only marketers and managers can disqualify an MQL.");
  });

  test("a column no move leads to names the columns the lead can go to", () => {
    expect(refusedMoveReason(actor("MARKETER"), { stage: "LEAD", ownerId: null }, "SQL")).toBe("A lead in LEAD can't move to SQL, only to MQL or DISQUALIFIED.");
    expect(refusedMoveReason(actor("MANAGER"), { stage: "MQL", ownerId: null }, "SQL")).toBe("An MQL can't move to SQL, only to LEAD, SAL or DISQUALIFIED.");
  });

  test("a rep who may make the move, but not on someone else's lead, is told whose it is", () => {
    expect(refusedMoveReason(actor("SALES"), { stage: "MQL", ownerId: OTHER }, "SAL")).toBe(
      "This lead belongs to another rep: only its owner (or any rep while it is unassigned) or a manager can accept it.",
    );
  });

  test("an allowed move, or a drop back on its own column, is not refused", () => {
    expect(refusedMoveReason(actor("SALES"), { stage: "MQL", ownerId: null }, "SAL")).toBeNull();
    expect(refusedMoveReason(actor("MARKETER"), { stage: "MQL", ownerId: null }, "MQL")).toBeNull();
  });
});

describe("what a move requires", () => {
  const context = { actor: actor("SALES"), reasonCodes: ["no_budget", "student"], checklist: DEFAULT_CHECKLIST, assignableRepIds: [ME, OTHER] };

  test.each([
    { move: "nurture" as Move, from: "MQL" as Stage },
    { move: "reject" as Move, from: "MQL" as Stage },
    { move: "recycle" as Move, from: "SAL" as Stage },
    { move: "lose" as Move, from: "SQL" as Stage },
    { move: "reopen" as Move, from: "DISQUALIFIED" as Stage },
  ])("$move needs a reason", ({ move, from }) => {
    expect(checkRequirements(rule(move, from), {}, context)).toHaveProperty("reason");
    expect(checkRequirements(rule(move, from), { reason: "  a " }, context)).toHaveProperty("reason");
    expect(checkRequirements(rule(move, from), { reason: "x".repeat(501) }, context).reason).toMatch(/at most 500/);
    expect(checkRequirements(rule(move, from), { reason: "No budget this year" }, context)).toEqual({});
  });

  test("disqualifying needs a reason from the managed list", () => {
    const disqualify = rule("disqualify", "LEAD");
    expect(checkRequirements(disqualify, {}, context).reasonCode).toMatch(/Pick/);
    expect(checkRequirements(disqualify, { reasonCode: "bored" }, context).reasonCode).toMatch(/not an active/);
    expect(checkRequirements(disqualify, { reasonCode: "student" }, context)).toEqual({});
  });

  test("qualifying needs every required checklist item", () => {
    const qualify = rule("qualify", "SAL");
    expect(checkRequirements(qualify, { checklist: { budget: true, authority: true, need: true } }, context).checklist).toBe(
      "Complete the qualification checklist first: Timeline is not confirmed.",
    );
    expect(checkRequirements(qualify, { checklist: { budget: true, authority: true, need: true, timeline: true } }, context)).toEqual({});
  });

  test("a manager accepting must name an active rep; a rep accepts for themselves", () => {
    const accept = rule("accept", "MQL");
    const asManager = { ...context, actor: actor("MANAGER", "boss") };
    expect(checkRequirements(accept, {}, asManager).assigneeId).toMatch(/Choose/);
    expect(checkRequirements(accept, { assigneeId: "boss" }, asManager).assigneeId).toMatch(/not an active sales rep/);
    expect(checkRequirements(accept, { assigneeId: OTHER }, asManager)).toEqual({});
    expect(checkRequirements(accept, {}, context)).toEqual({});
    expect(ownerAfterMove(accept, actor("SALES"), { stage: "MQL", ownerId: null }, {})).toBe(ME);
    expect(ownerAfterMove(accept, actor("MANAGER", "boss"), { stage: "MQL", ownerId: null }, { assigneeId: OTHER })).toBe(OTHER);
    expect(ownerAfterMove(rule("win", "SQL"), actor("MANAGER", "boss"), { stage: "SQL", ownerId: ME }, {})).toBe(ME);
  });

  test("going back to LEAD hands the lead back to marketing, without an owner", () => {
    for (const [move, from] of [["reject", "MQL"], ["nurture", "MQL"], ["recycle", "SAL"]] as const) {
      expect(ownerAfterMove(rule(move, from), actor("MANAGER", "boss"), { stage: from, ownerId: ME }, {})).toBeNull();
      expect(returnsToMarketing(rule(move, from))).toBe(true);
    }
    expect(returnsToMarketing(rule("reopen", "DISQUALIFIED"))).toBe(false);
    expect(returnsToMarketing(rule("disqualify", "SAL"))).toBe(false);
  });
});

describe("transitionRecord", () => {
  const at = new Date("2026-11-24T10:00:00Z");
  test("keeps the trimmed reason, the listed reason only for disqualifying, the checklist only for qualifying", () => {
    expect(transitionRecord(rule("disqualify", "SAL"), ME, { reason: "  budget gone ", reasonCode: "no_budget", checklist: { budget: true } }, at)).toEqual({
      fromStage: "SAL",
      toStage: "DISQUALIFIED",
      move: "disqualify",
      actorId: ME,
      reason: "budget gone",
      reasonCode: "no_budget",
      checklist: null,
      createdAt: at,
    });
    expect(transitionRecord(rule("qualify", "SAL"), ME, { reasonCode: "ignored", checklist: { budget: true, need: false } }, at)).toMatchObject({
      reason: null,
      reasonCode: null,
      checklist: '{"budget":true,"need":false}',
    });
    expect(transitionRecord(rule("reject", "MQL"), OTHER, { reason: "   " }, at)).toMatchObject({ toStage: "LEAD", actorId: OTHER, reason: null });
  });
});
