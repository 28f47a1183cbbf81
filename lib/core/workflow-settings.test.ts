import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { DEFAULT_CHECKLIST } from "./qualification";
import {
  DEFAULT_ROUTING_RULES,
  DEFAULT_SLA_SETTINGS,
  checklistKey,
  checklistSchema,
  readChecklist,
  readSetting,
  routingRulesSchema,
  slaSettingsSchema,
} from "./workflow-settings";

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

const dach = { name: "DACH", countries: ["DE", "AT", "CH"], repIds: ["rep-a"] };

describe("routingRulesSchema", () => {
  test("country codes are trimmed and upper-cased", () => {
    expect(routingRulesSchema.parse({ territories: [{ name: " Benelux ", countries: ["nl", " be", "Lu "], repIds: ["rep-a", "rep-b"] }], maxOpenSals: null })).toEqual({
      territories: [{ name: "Benelux", countries: ["NL", "BE", "LU"], repIds: ["rep-a", "rep-b"] }],
      maxOpenSals: null,
    });
  });

  test("anything but a two-letter code is refused, on that country", () => {
    expect(issues(routingRulesSchema, { territories: [{ ...dach, countries: ["DE", "Germany"] }], maxOpenSals: null })).toEqual([
      { path: ["territories", 0, "countries", 1], message: "Countries are two-letter ISO codes, like DE or US." },
    ]);
    expect(issues(routingRulesSchema, { territories: [{ ...dach, countries: ["D1"] }], maxOpenSals: null })).toHaveLength(1);
  });

  test("a country in two territories is refused on the second, naming the first", () => {
    const rules = { territories: [dach, { name: "Central Europe", countries: ["PL", "de"], repIds: ["rep-b"] }], maxOpenSals: 5 };
    expect(issues(routingRulesSchema, rules)).toEqual([{ path: ["territories", 1, "countries"], message: 'DE is already in the territory "DACH".' }]);
  });

  test("a territory needs a name, a country and a rep", () => {
    expect(issues(routingRulesSchema, { territories: [{ name: " ", countries: [], repIds: [] }], maxOpenSals: null })).toEqual([
      { path: ["territories", 0, "name"], message: "Give the territory a name." },
      { path: ["territories", 0, "countries"], message: "A territory needs at least one country." },
      { path: ["territories", 0, "repIds"], message: "A territory needs at least one sales rep." },
    ]);
  });

  test("the open-SAL cap is a whole number of at least 1, or null for no cap", () => {
    const withCap = (maxOpenSals: unknown) => issues(routingRulesSchema, { territories: [], maxOpenSals });
    expect(withCap(null)).toEqual([]);
    expect(withCap(1)).toEqual([]);
    expect(withCap(0)).toEqual([{ path: ["maxOpenSals"], message: "The cap must be at least 1." }]);
    expect(withCap(2.5)).toEqual([{ path: ["maxOpenSals"], message: "The cap is a whole number." }]);
    expect(withCap(undefined).map((issue) => issue.path)).toEqual([["maxOpenSals"]]);
  });

  test("the default is no territories and no cap", () => {
    expect(routingRulesSchema.parse(DEFAULT_ROUTING_RULES)).toEqual({ territories: [], maxOpenSals: null });
  });
});

describe("slaSettingsSchema", () => {
  test("whole hours from 1 to 30 days", () => {
    const hours = (mqlResponseHours: unknown) => issues(slaSettingsSchema, { mqlResponseHours });
    expect(hours(1)).toEqual([]);
    expect(hours(720)).toEqual([]);
    expect(hours(0)).toEqual([{ path: ["mqlResponseHours"], message: "The SLA must be at least 1 hour." }]);
    expect(hours(721)).toEqual([{ path: ["mqlResponseHours"], message: "The SLA can be at most 30 days." }]);
    expect(hours(1.5)).toEqual([{ path: ["mqlResponseHours"], message: "Use whole hours." }]);
    expect(DEFAULT_SLA_SETTINGS).toEqual({ mqlResponseHours: 24 });
  });
});

describe("checklistSchema", () => {
  const item = (key: string, label = "Label") => ({ key, label, hint: "", required: true });

  test("accepts the default BANT checklist", () => {
    expect(checklistSchema.parse(DEFAULT_CHECKLIST)).toEqual(DEFAULT_CHECKLIST);
  });

  test("needs at least one item", () => {
    expect(issues(checklistSchema, [])).toEqual([{ path: [], message: "The checklist needs at least one item." }]);
  });

  test("two items with the same key are refused on the second", () => {
    expect(issues(checklistSchema, [item("budget"), item("need"), item("budget", "Budget again")])).toEqual([{ path: [2, "key"], message: 'Two items share the key "budget".' }]);
  });

  test("keys are lower-case letters, digits and _, starting with a letter; every item has a label", () => {
    expect(issues(checklistSchema, [item("Budget")])).toEqual([{ path: [0, "key"], message: "An item key is lower-case letters, digits and _." }]);
    expect(issues(checklistSchema, [item("2nd_call")])).toHaveLength(1);
    expect(issues(checklistSchema, [item("budget", "  ")])).toEqual([{ path: [0, "label"], message: "Every item needs a label." }]);
  });

  test("at most 20 items", () => {
    expect(issues(checklistSchema, Array.from({ length: 21 }, (_, index) => item(`item_${index}`)))).toEqual([{ path: [], message: "The checklist can have at most 20 items." }]);
  });
});

describe("checklistKey", () => {
  test.each([
    ["Decision process", "decision_process"],
    ["2nd call", "item_2nd_call"],
    ["  Budget / Authority!! ", "budget_authority"],
    ["Next-step agreed?", "next_step_agreed"],
    ["!!!", "item_"],
    ["Budget geprüft", "budget_gepruft"],
    ["Éligibilité", "eligibilite"],
  ])("%j → %j", (label, key) => {
    expect(checklistKey(label)).toBe(key);
  });

  test("long labels are cut to a valid 40-character key", () => {
    const key = checklistKey("Champion identified inside the buying committee and briefed");
    expect(key).toBe("champion_identified_inside_the_buying_co");
    expect(checklistSchema.safeParse([{ key, label: "Champion", hint: "", required: true }]).success).toBe(true);
  });
});

describe("readSetting", () => {
  test("reads a stored setting through its schema", () => {
    expect(readSetting(routingRulesSchema, JSON.stringify({ territories: [{ ...dach, countries: ["de"] }], maxOpenSals: 3 }), DEFAULT_ROUTING_RULES)).toEqual({
      territories: [{ ...dach, countries: ["DE"] }],
      maxOpenSals: 3,
    });
  });

  test.each([
    ["missing", null],
    ["undefined", undefined],
    ["empty", ""],
    ["not JSON", "{territories:"],
    ["JSON of the wrong shape", JSON.stringify({ mqlResponseHours: "soon" })],
    ["no longer valid", JSON.stringify({ mqlResponseHours: 0 })],
  ])("falls back to the default when the stored value is %s", (_, stored) => {
    expect(readSetting(slaSettingsSchema, stored, DEFAULT_SLA_SETTINGS)).toEqual({ mqlResponseHours: 24 });
  });

  test("readChecklist falls back to BANT", () => {
    expect(readChecklist(null)).toEqual(DEFAULT_CHECKLIST);
    expect(readChecklist("[]")).toEqual(DEFAULT_CHECKLIST);
    const custom = [{ key: "pain", label: "Pain", hint: "", required: false }];
    expect(readChecklist(JSON.stringify(custom))).toEqual(custom);
  });
});
