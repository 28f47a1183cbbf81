import { describe, expect, test } from "vitest";
import type { Actor, LeadPosition, Move } from "./funnel";
import { asksBeforeMoving, authorizeMove, availableMoves, checkRequirements, findRule, movesTo, ownerAfterMove, refusedMoveReason, refusedMoves, returnsToMarketing, transitionRecord } from "./funnel";
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
  { move: "reopen", from: "WON", to: "SQL", owner: "mine", allowed: ["MANAGER"] },
  { move: "reopen", from: "WON", to: "SQL", owner: "other", allowed: ["MANAGER"] },
  { move: "reopen", from: "LOST", to: "SQL", owner: "mine", allowed: ["MANAGER"] },
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
    { move: "reopen", stage: "SQL" },
    { move: "reopen", stage: "LEAD" },
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
    { move: "recycle" as Move, from: "SAL" as Stage },
    { move: "lose" as Move, from: "SQL" as Stage },
    { move: "reopen" as Move, from: "DISQUALIFIED" as Stage },
    { move: "reopen" as Move, from: "WON" as Stage },
    { move: "reopen" as Move, from: "LOST" as Stage },
  ])("$move needs a reason", ({ move, from }) => {
    expect(checkRequirements(rule(move, from), {}, context)).toHaveProperty("reason");
    expect(checkRequirements(rule(move, from), { reason: "  a " }, context)).toHaveProperty("reason");
    expect(checkRequirements(rule(move, from), { reason: "x".repeat(501) }, context).reason).toMatch(/at most 500/);
    expect(checkRequirements(rule(move, from), { reason: "No budget this year" }, context)).toEqual({});
  });

  test.each([
    { move: "disqualify" as Move, from: "LEAD" as Stage, noun: "disqualification reason" },
    { move: "reject" as Move, from: "MQL" as Stage, noun: "reject reason" },
  ])("$move needs a reason from its managed list, or Other with the reason written", ({ move, from, noun }) => {
    const listed = rule(move, from);
    expect(checkRequirements(listed, {}, context).reasonCode).toBe(`Pick a ${noun} from the list, or Other.`);
    expect(checkRequirements(listed, { reason: "No budget this year" }, context).reasonCode).toMatch(/Pick/);
    expect(checkRequirements(listed, { reasonCode: "bored" }, context).reasonCode).toBe(`"bored" is not an active ${noun}.`);
    expect(checkRequirements(listed, { reasonCode: "student" }, context)).toEqual({});
    expect(checkRequirements(listed, { reasonCode: "student", reason: "x".repeat(501) }, context).reason).toMatch(/at most 500/);
    expect(checkRequirements(listed, { reasonCode: "other" }, context).reason).toMatch(/With "Other", write the reason/);
    expect(checkRequirements(listed, { reasonCode: "other", reason: " a " }, context)).toHaveProperty("reason");
    expect(checkRequirements(listed, { reasonCode: "other", reason: "Event contact, no project" }, context)).toEqual({});
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
      dealValueCents: null,
      closedAt: null,
      createdAt: at,
    });
    expect(transitionRecord(rule("qualify", "SAL"), ME, { reasonCode: "ignored", checklist: { budget: true, need: false } }, at)).toMatchObject({
      reason: null,
      reasonCode: null,
      checklist: '{"budget":true,"need":false}',
    });
    expect(transitionRecord(rule("reject", "MQL"), OTHER, { reason: "   ", reasonCode: "wrong_contact" }, at)).toMatchObject({
      toStage: "LEAD",
      actorId: OTHER,
      reason: null,
      reasonCode: "wrong_contact",
    });
  });
});

describe("winning records the deal", () => {
  const context = { actor: actor("SALES"), reasonCodes: [], checklist: DEFAULT_CHECKLIST, assignableRepIds: [], today: "2026-12-07" };
  const win = rule("win", "SQL");

  test("a positive value and a close date up to today are required", () => {
    expect(checkRequirements(win, {}, context)).toEqual({ dealValue: "Enter the deal value.", closedOn: "Enter the close date (YYYY-MM-DD)." });
    expect(checkRequirements(win, { dealValue: 12_500.5, closedOn: "2026-12-07" }, context)).toEqual({});
    expect(checkRequirements(win, { dealValue: 0.01, closedOn: "2025-02-28" }, context)).toEqual({});
  });

  test.each([
    { dealValue: 0, message: "The deal value must be more than 0." },
    { dealValue: -40, message: "The deal value must be more than 0." },
    { dealValue: Number.NaN, message: "Enter the deal value." },
    { dealValue: 10.005, message: "The deal value can have at most two decimals (cents)." },
    { dealValue: 1_000_000_000_000.01, message: "The deal value can be at most 1,000,000,000,000." },
  ])("a deal value of $dealValue is refused", ({ dealValue, message }) => {
    expect(checkRequirements(win, { dealValue, closedOn: "2026-12-01" }, context)).toEqual({ dealValue: message });
  });

  test.each([
    { closedOn: "2026-12-08", message: "The close date can't be in the future (today is 2026-12-07, UTC)." },
    { closedOn: "2026-02-31", message: "2026-02-31 is not a date." },
    { closedOn: "07/12/2026", message: "Enter the close date (YYYY-MM-DD)." },
    { closedOn: "", message: "Enter the close date (YYYY-MM-DD)." },
  ])("a close date of '$closedOn' is refused", ({ closedOn, message }) => {
    expect(checkRequirements(win, { dealValue: 100, closedOn }, context)).toEqual({ closedOn: message });
  });

  test("a deal can't be checked without knowing today", () => {
    expect(() => checkRequirements(win, { dealValue: 100, closedOn: "2026-12-01" }, { ...context, today: undefined })).toThrow(/today/);
  });

  test("the win's transition keeps the value in cents and the close day; other moves keep neither", () => {
    const at = new Date("2026-12-07T10:00:00Z");
    expect(transitionRecord(win, ME, { dealValue: 12_500.5, closedOn: "2026-12-03", reason: "ignored" }, at)).toMatchObject({
      toStage: "WON",
      dealValueCents: 1_250_050,
      closedAt: new Date("2026-12-03T00:00:00Z"),
    });
    expect(transitionRecord(rule("lose", "SQL"), ME, { reason: "Went quiet", dealValue: 5, closedOn: "2026-12-03" }, at)).toMatchObject({ dealValueCents: null, closedAt: null });
    expect(() => transitionRecord(win, ME, {}, at)).toThrow(/checked/);
  });
});

describe("reopening a closed deal", () => {
  test.each(["WON", "LOST"] as const)("a manager reopens a %s lead into SQL, and its owner keeps it", (stage) => {
    const lead = { stage, ownerId: ME };
    const decision = authorizeMove({ actor: actor("MANAGER", "boss"), lead, move: "reopen" });
    expect(decision).toMatchObject({ allowed: true, rule: { from: stage, to: "SQL", requires: ["reason"] } });
    if (decision.allowed) {
      expect(ownerAfterMove(decision.rule, actor("MANAGER", "boss"), lead, {})).toBe(ME);
      expect(returnsToMarketing(decision.rule)).toBe(false);
    }
    expect(availableMoves(actor("MANAGER", "boss"), lead).map((rule) => rule.move)).toEqual(["reopen"]);
  });

  test("other roles are refused, and told only managers may", () => {
    expect(authorizeMove({ actor: actor("SALES"), lead: { stage: "WON", ownerId: ME }, move: "reopen" })).toEqual({
      allowed: false,
      code: "FORBIDDEN",
      message: "Sales reps can't reopen a WON lead; only managers can.",
    });
    expect(availableMoves(actor("SALES"), { stage: "LOST", ownerId: ME })).toEqual([]);
    expect(availableMoves(actor("ADMIN"), { stage: "WON", ownerId: ME })).toEqual([]);
    expect(refusedMoveReason(actor("SALES"), { stage: "WON", ownerId: ME }, "SQL")).toBe("Only managers can reopen a lead in WON.");
    expect(refusedMoveReason(actor("MANAGER"), { stage: "LOST", ownerId: ME }, "LEAD")).toBe("A lead in LOST can't move to LEAD, only to SQL.");
  });
});

describe("what the lead page and the board ask before a move", () => {
  test("a form opens for a choice of moves or anything a move needs; a rep's own accept and marking MQL are one click", () => {
    expect(asksBeforeMoving([rule("win", "SQL")], "SALES")).toBe(true);
    expect(asksBeforeMoving([rule("lose", "SQL")], "SALES")).toBe(true);
    expect(asksBeforeMoving([rule("reopen", "WON")], "MANAGER")).toBe(true);
    expect(asksBeforeMoving([rule("accept", "MQL")], "MANAGER")).toBe(true);
    expect(asksBeforeMoving([rule("nurture", "MQL"), rule("reject", "MQL")], "MANAGER")).toBe(true);
    expect(asksBeforeMoving([rule("accept", "MQL")], "SALES")).toBe(false);
    expect(asksBeforeMoving([rule("markMql", "LEAD")], "MARKETER")).toBe(false);
  });

  test("the moves a role can't make on a lead are explained once each", () => {
    expect(refusedMoves(actor("SALES"), { stage: "WON", ownerId: ME })).toEqual(["Sales reps can't reopen a WON lead; only managers can."]);
    expect(refusedMoves(actor("MARKETER"), { stage: "SQL", ownerId: ME })).toEqual([
      "Marketers can't mark won a SQL lead; only sales reps and managers can.",
      "Marketers can't mark lost a SQL lead; only sales reps and managers can.",
    ]);
    expect(refusedMoves(actor("MANAGER"), { stage: "WON", ownerId: ME })).toEqual([]);
  });
});
