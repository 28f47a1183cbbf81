import { describe, expect, test } from "vitest";
import type { Stage } from "../stages";
import { STAGES } from "../stages";
import { automaticMove } from "./decision";
import type { RuleFlag, ScoreResult } from "./types";

const threshold = { total: 60, fit: 15 };
const studentFlag: RuleFlag = { ruleId: "dq-student", label: "Student", action: "disqualify", reasonCode: "student", reason: 'Seniority is "Student"' };
const personalFlag: RuleFlag = { ruleId: "dq-personal", label: "Personal e-mail", action: "flag", reasonCode: "personal_email", reason: 'E-mail domain "gmail.com" is one of gmail.com' };

const result = (meetsThreshold: boolean, flags: RuleFlag[] = []): ScoreResult => ({
  fit: 30,
  engagement: 42,
  total: 72,
  contributions: [],
  flags,
  meetsThreshold,
});

describe("automatic moves after scoring", () => {
  // Written out from SPEC sections 1 and 2: the system only promotes LEAD → MQL and only
  // auto-disqualifies from LEAD or MQL.
  const table: Array<{ stage: Stage; meets: boolean; flags: RuleFlag[]; expected: "markMql" | "disqualify" | null }> = [
    { stage: "LEAD", meets: true, flags: [], expected: "markMql" },
    { stage: "LEAD", meets: false, flags: [], expected: null },
    { stage: "LEAD", meets: true, flags: [personalFlag], expected: "markMql" },
    { stage: "LEAD", meets: true, flags: [studentFlag], expected: "disqualify" },
    { stage: "LEAD", meets: false, flags: [personalFlag, studentFlag], expected: "disqualify" },
    { stage: "MQL", meets: true, flags: [], expected: null },
    { stage: "MQL", meets: false, flags: [], expected: null },
    { stage: "MQL", meets: false, flags: [studentFlag], expected: "disqualify" },
    { stage: "MQL", meets: true, flags: [personalFlag], expected: null },
    ...(["SAL", "SQL", "WON", "LOST", "DISQUALIFIED"] as const).flatMap((stage) => [
      { stage, meets: true, flags: [], expected: null },
      { stage, meets: true, flags: [studentFlag], expected: null },
    ]),
  ];

  test.each(table)("$stage, threshold met: $meets, flags: $flags.length → $expected", ({ stage, meets, flags, expected }) => {
    expect(automaticMove({ stage, result: result(meets, flags), threshold })?.move ?? null).toBe(expected);
  });

  test("every stage is covered by the table", () => {
    expect(new Set(table.map((row) => row.stage))).toEqual(new Set(STAGES));
  });

  test("promotion names the score and the threshold", () => {
    expect(automaticMove({ stage: "LEAD", result: result(true), threshold: { total: 60 } })).toEqual({
      move: "markMql",
      reason: "Score 72 (fit 30, engagement 42) reached the MQL threshold of 60",
    });
    expect(automaticMove({ stage: "LEAD", result: result(true), threshold })?.reason).toBe(
      "Score 72 (fit 30, engagement 42) reached the MQL threshold of 60 with fit at least 15",
    );
  });

  test("a lead a person sent back to marketing is not promoted by its score, but still auto-disqualified", () => {
    expect(automaticMove({ stage: "LEAD", result: result(true), threshold, returnedByPerson: true })).toBeNull();
    expect(automaticMove({ stage: "LEAD", result: result(true, [studentFlag]), threshold, returnedByPerson: true })?.move).toBe("disqualify");
    expect(automaticMove({ stage: "LEAD", result: result(true), threshold, returnedByPerson: false })?.move).toBe("markMql");
  });

  test("disqualification names the first disqualifying rule and carries its reason code", () => {
    const competitorFlag: RuleFlag = { ...studentFlag, ruleId: "dq-competitor", label: "Competitor", reasonCode: "competitor", reason: "E-mail domain is a competitor's" };
    expect(automaticMove({ stage: "LEAD", result: result(false, [personalFlag, studentFlag, competitorFlag]), threshold })).toEqual({
      move: "disqualify",
      reason: 'Disqualified by the rule "Student": Seniority is "Student"; score 72 (fit 30, engagement 42)',
      reasonCode: "student",
    });
  });

  describe("with the threshold on the predictive model's probability", () => {
    const onProbability = { total: 60, probability: 0.3 };

    test("the probability decides, not the points", () => {
      expect(automaticMove({ stage: "LEAD", result: result(false), threshold: onProbability, probability: 0.31 })?.reason).toBe(
        "Likely to convert: 31 % reached the MQL threshold of 30 %; score 72 (fit 30, engagement 42)",
      );
      expect(automaticMove({ stage: "LEAD", result: result(true), threshold: onProbability, probability: 0.29 })).toBeNull();
      expect(automaticMove({ stage: "LEAD", result: result(true), threshold: onProbability, probability: 0.3 })?.move).toBe("markMql");
    });

    test("without an active model nothing is promoted, but disqualifying rules still apply", () => {
      expect(automaticMove({ stage: "LEAD", result: result(true), threshold: onProbability, probability: null })).toBeNull();
      expect(automaticMove({ stage: "LEAD", result: result(true), threshold: onProbability })).toBeNull();
      expect(automaticMove({ stage: "LEAD", result: result(false, [studentFlag]), threshold: onProbability, probability: 0.9 })?.move).toBe("disqualify");
    });

    test("a lead sent back by a person stays with marketing whatever its probability", () => {
      expect(automaticMove({ stage: "LEAD", result: result(true), threshold: onProbability, probability: 0.95, returnedByPerson: true })).toBeNull();
    });
  });
});
