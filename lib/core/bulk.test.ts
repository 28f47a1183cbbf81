import { describe, expect, test } from "vitest";
import type { BulkLead, BulkRowResult } from "./bulk";
import { bulkOutcome, bulkResultsCsv, planBulkAssign, planBulkMove } from "./bulk";
import type { Actor, RequirementContext } from "./funnel";
import { DEFAULT_CHECKLIST } from "./qualification";
import type { Stage } from "./stages";

const marketer: Actor = { id: "marketer-1", role: "MARKETER" };
const rep: Actor = { id: "rep-1", role: "SALES" };
const lead = (id: string, stage: Stage, ownerId: string | null = null): BulkLead => ({ id, name: `Lead ${id}`, stage, ownerId });
const context = (actor: Actor): RequirementContext => ({ actor, reasonCodes: ["no_budget", "competitor"], checklist: DEFAULT_CHECKLIST, assignableRepIds: ["rep-1", "rep-2"] });

describe("planBulkMove", () => {
  test("a marketer marking MQL: LEAD rows are done, MQL rows unchanged, SAL rows refused with the funnel's reason", () => {
    const leads = [lead("l1", "LEAD"), lead("m1", "MQL", "rep-1"), lead("s1", "SAL", "rep-2"), lead("l2", "LEAD")];
    const plan = planBulkMove({ actor: marketer, leads, move: "markMql", details: {}, context: context(marketer) });
    expect(plan).toMatchObject({
      results: [
        { id: "l1", name: "Lead l1", status: "done" },
        { id: "m1", name: "Lead m1", status: "unchanged", message: "Already MQL." },
        { id: "s1", name: "Lead s1", status: "refused", message: "Mark as MQL applies to leads in LEAD; this lead is in SAL (Sales accepted)." },
        { id: "l2", name: "Lead l2", status: "done" },
      ],
    });
    if (!("allowed" in plan)) throw new Error("expected a plan");
    expect(plan.allowed.map(({ lead: row, rule }) => [row.id, rule.from, rule.to])).toEqual([
      ["l1", "LEAD", "MQL"],
      ["l2", "LEAD", "MQL"],
    ]);
  });

  test("a sales rep disqualifying: their own SAL is done, another rep's SAL and a LEAD are refused", () => {
    const leads = [lead("mine", "SAL", "rep-1"), lead("theirs", "SAL", "rep-2"), lead("new", "LEAD"), lead("gone", "DISQUALIFIED"), lead("won", "WON", "rep-1")];
    const plan = planBulkMove({ actor: rep, leads, move: "disqualify", details: { reasonCode: "no_budget" }, context: context(rep) });
    expect(plan).toEqual({
      allowed: [{ lead: leads[0], rule: expect.objectContaining({ move: "disqualify", from: "SAL", to: "DISQUALIFIED" }) }],
      results: [
        { id: "mine", name: "Lead mine", status: "done" },
        { id: "theirs", name: "Lead theirs", status: "refused", message: "This lead belongs to another rep: only the owning rep or a manager can disqualify it." },
        { id: "new", name: "Lead new", status: "refused", message: "Sales reps can't disqualify a LEAD lead; only marketers and managers can." },
        { id: "gone", name: "Lead gone", status: "unchanged", message: "Already DISQUALIFIED." },
        { id: "won", name: "Lead won", status: "refused", message: "Disqualify applies to leads in LEAD or MQL or SAL; this lead is in WON (Won)." },
      ],
    });
  });

  test("a missing listed reason fails the whole batch as a field error, with no rows judged", () => {
    const leads = [lead("theirs", "SAL", "rep-2"), lead("mine", "SAL", "rep-1"), lead("also-mine", "SAL", "rep-1")];
    expect(planBulkMove({ actor: rep, leads, move: "disqualify", details: {}, context: context(rep) })).toEqual({
      fieldErrors: { reasonCode: "Pick a disqualification reason from the list, or Other." },
    });
  });

  test("a reason that is not in the active list is a field error too", () => {
    const plan = planBulkMove({ actor: marketer, leads: [lead("l1", "LEAD")], move: "disqualify", details: { reasonCode: "retired_reason" }, context: context(marketer) });
    expect(plan).toEqual({ fieldErrors: { reasonCode: '"retired_reason" is not an active disqualification reason.' } });
  });

  test("an empty selection plans nothing", () => {
    expect(planBulkMove({ actor: marketer, leads: [], move: "markMql", details: {}, context: context(marketer) })).toEqual({ allowed: [], results: [] });
  });
});

describe("planBulkAssign", () => {
  test("MQL, SAL and SQL leads can be given an owner; LEAD and WON are refused; leads already theirs are unchanged", () => {
    const leads = [lead("m", "MQL"), lead("s", "SAL", "rep-1"), lead("q", "SQL", "rep-2"), lead("l", "LEAD"), lead("w", "WON", "rep-1"), lead("own", "SAL", "rep-2")];
    const plan = planBulkAssign({ leads, assigneeId: "rep-2", assigneeName: "Sam Sales" });
    expect(plan.allowed.map((row) => row.id)).toEqual(["m", "s"]);
    expect(plan.results).toEqual([
      { id: "m", name: "Lead m", status: "done" },
      { id: "s", name: "Lead s", status: "done" },
      { id: "q", name: "Lead q", status: "unchanged", message: "Already owned by Sam Sales." },
      { id: "l", name: "Lead l", status: "refused", message: "Only leads in MQL, SAL or SQL have a sales owner; this lead is LEAD." },
      { id: "w", name: "Lead w", status: "refused", message: "Only leads in MQL, SAL or SQL have a sales owner; this lead is WON." },
      { id: "own", name: "Lead own", status: "unchanged", message: "Already owned by Sam Sales." },
    ]);
  });
});

describe("bulkOutcome", () => {
  const results: BulkRowResult[] = [
    { id: "b", name: "Bea", status: "refused", message: "No." },
    { id: "a", name: "Ann", status: "done" },
    { id: "c", name: "Cy", status: "unchanged", message: "Already MQL." },
  ];

  test("keeps the order the rows were asked for and counts each status", () => {
    expect(bulkOutcome(["a", "b", "c"], results)).toEqual({
      rows: [
        { id: "a", name: "Ann", status: "done" },
        { id: "b", name: "Bea", status: "refused", message: "No." },
        { id: "c", name: "Cy", status: "unchanged", message: "Already MQL." },
      ],
      done: 1,
      unchanged: 1,
      refused: 1,
    });
  });

  test("reports ids with no result as refused because the lead no longer exists", () => {
    expect(bulkOutcome(["gone", "a"], results)).toEqual({
      rows: [
        { id: "gone", name: "(deleted lead)", status: "refused", message: "This lead no longer exists." },
        { id: "a", name: "Ann", status: "done" },
      ],
      done: 1,
      unchanged: 0,
      refused: 1,
    });
  });
});

describe("bulkResultsCsv", () => {
  test("escapes names a spreadsheet would run as a formula, and leaves other cells as they are", () => {
    const rows: BulkRowResult[] = [
      { id: "a", name: '=HYPERLINK("http://evil","x")', status: "done" },
      { id: "b", name: "@SUM(1)", status: "refused", message: "-Already an MQL" },
      { id: "c", name: "Ada Adams", status: "unchanged" },
    ];
    expect(bulkResultsCsv(rows).split("\r\n")).toEqual([
      "lead_id,name,result,message",
      'a,"\'=HYPERLINK(""http://evil"",""x"")",done,',
      `b,"'@SUM(1)",refused,"'-Already an MQL"`,
      "c,Ada Adams,unchanged,",
    ]);
  });
});
