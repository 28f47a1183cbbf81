import { describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "./default-rules";
import { parseScoringRules } from "./rules-schema";

// A fresh, editable copy of the defaults for each case to break in one place.
type Editable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const defaults = (): Editable => structuredClone(DEFAULT_SCORING_RULES);

describe("valid rules", () => {
  test("the default rules parse unchanged", () => {
    expect(parseScoringRules(defaults())).toEqual({ ok: true, rules: DEFAULT_SCORING_RULES });
  });

  test("the default rules' reason codes are among the managed disqualification reasons", () => {
    const reasonCodes = ["no_budget", "not_icp", "competitor", "student", "personal_email", "duplicate", "no_response", "spam"];
    expect(parseScoringRules(defaults(), { reasonCodes }).ok).toBe(true);
  });

  test("a rule set may be empty apart from its threshold, and use custom fields", () => {
    const rules = { fit: [{ id: "plan", label: "Enterprise plan", field: "custom.plan_tier", condition: { operator: "equals", value: "enterprise" }, points: 5 }], engagement: [], disqualify: [], threshold: { total: 0 } };
    expect(parseScoringRules(rules).ok).toBe(true);
  });
});

describe("each kind of mistake is reported at its setting", () => {
  const cases: Array<{ name: string; edit: (rules: Editable) => unknown; path: string; message: RegExp }> = [
    { name: "not an object", edit: () => "rules", path: "", message: /set of fit, engagement and disqualifying rules/ },
    { name: "a missing threshold", edit: (r) => ({ ...r, threshold: undefined }), path: "threshold", message: /Set the MQL threshold/ },
    { name: "an unknown setting", edit: (r) => ({ ...r, colour: "red" }), path: "colour", message: /"colour" is not a setting here/ },
    { name: "an unknown setting in a cap", edit: (r) => { r.engagement[2].cap.per = "month"; return r; }, path: "engagement.2.cap.per", message: /not a setting here/ },
    { name: "a cap window of 0 days", edit: (r) => { r.engagement[2].cap.windowDays = 0; return r; }, path: "engagement.2.cap.windowDays", message: /at least 1 day/ },
    { name: "a cap window over 10 years", edit: (r) => { r.engagement[2].cap.windowDays = 3651; return r; }, path: "engagement.2.cap.windowDays", message: /at most 3650 days/ },
    { name: "a cap window in part days", edit: (r) => { r.engagement[2].cap.windowDays = 1.5; return r; }, path: "engagement.2.cap.windowDays", message: /whole number of days/ },
    { name: "a cap of 0 points", edit: (r) => { r.engagement[2].cap.points = 0; return r; }, path: "engagement.2.cap.points", message: /at least 1 point/ },
    { name: "a half-life of 0 days", edit: (r) => { r.engagement[0].halfLifeDays = 0; return r; }, path: "engagement.0.halfLifeDays", message: /half-life must be at least 1 day/ },
    { name: "an id used twice", edit: (r) => { r.disqualify[1].id = r.fit[3].id; return r; }, path: "disqualify.1.id", message: /"size-1000-plus" is already used by fit.3/ },
    { name: "an empty id", edit: (r) => { r.fit[0].id = ""; return r; }, path: "fit.0.id", message: /Enter an id/ },
    { name: "a blank label", edit: (r) => { r.fit[1].label = "  "; return r; }, path: "fit.1.label", message: /Enter a label/ },
    { name: "a label over 100 characters", edit: (r) => { r.fit[1].label = "x".repeat(101); return r; }, path: "fit.1.label", message: /at most 100 characters/ },
    { name: "fractional points", edit: (r) => { r.fit[1].points = 2.5; return r; }, path: "fit.1.points", message: /whole number/ },
    { name: "points over 1000", edit: (r) => { r.engagement[4].points = 1001; return r; }, path: "engagement.4.points", message: /at most 1000/ },
    { name: "points under -1000", edit: (r) => { r.engagement[4].points = -1001; return r; }, path: "engagement.4.points", message: /at least -1000/ },
    { name: "points missing", edit: (r) => { delete r.fit[1].points; return r; }, path: "fit.1.points", message: /whole number/ },
    { name: "a pattern that is not a regular expression", edit: (r) => { r.fit[2].condition = { operator: "matches", pattern: "([a-z]" }; return r; }, path: "fit.2.condition.pattern", message: /not a valid regular expression/ },
    { name: "a range without bounds", edit: (r) => { r.fit[2].condition = { operator: "range" }; return r; }, path: "fit.2.condition.min", message: /minimum, a maximum or both/ },
    { name: "a range whose minimum is above its maximum", edit: (r) => { r.fit[2].condition = { operator: "range", min: 10, max: 1 }; return r; }, path: "fit.2.condition.max", message: /minimum can't be larger/ },
    { name: "an empty list of values", edit: (r) => { r.fit[12].condition.values = []; return r; }, path: "fit.12.condition.values", message: /at least one value/ },
    { name: "an unknown operator", edit: (r) => { r.fit[2].condition = { operator: "startsWith", value: "a" }; return r; }, path: "fit.2.condition.operator", message: /Choose how to compare/ },
    { name: "a yes/no where a value belongs", edit: (r) => { r.fit[6].condition.value = true; return r; }, path: "fit.6.condition.value", message: /text or a number/ },
    { name: "an empty text to look for", edit: (r) => { r.engagement[1].property.condition.value = ""; return r; }, path: "engagement.1.property.condition.value", message: /Enter the text to look for/ },
    { name: "an unknown lead field", edit: (r) => { r.fit[0].field = "employees"; return r; }, path: "fit.0.field", message: /Choose a lead field/ },
    { name: "a custom field with a bad name", edit: (r) => { r.disqualify[0].field = "custom.plan-tier"; return r; }, path: "disqualify.0.field", message: /custom\.<name>/ },
    { name: "an event type with spaces", edit: (r) => { r.engagement[3].eventType = "Email Click"; return r; }, path: "engagement.3.eventType", message: /lower-case letters, digits or underscores/ },
    { name: "an unknown action", edit: (r) => { r.disqualify[0].action = "delete"; return r; }, path: "disqualify.0.action", message: /"flag" \(mark for review\) or "disqualify"/ },
    { name: "a fractional threshold", edit: (r) => { r.threshold.total = 59.5; return r; }, path: "threshold.total", message: /whole number of points/ },
    { name: "rules that are not a list", edit: (r) => ({ ...r, engagement: {} }), path: "engagement", message: /must be a list/ },
  ];

  test.each(cases)("$name → $path", ({ edit, path, message }) => {
    const parsed = parseScoringRules(edit(defaults()));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].path).toBe(path);
    expect(parsed.errors[0].message).toMatch(message);
  });

  test("every mistake is listed, not just the first", () => {
    const rules = defaults();
    rules.fit[0].points = 1.5;
    rules.engagement[2].cap.windowDays = 0;
    const parsed = parseScoringRules(rules);
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.path)).toEqual(["fit.0.points", "engagement.2.cap.windowDays"]);
  });

  test("a reason code outside the managed list is refused when the list is given", () => {
    const parsed = parseScoringRules(defaults(), { reasonCodes: ["student", "competitor"] });
    expect(parsed).toEqual({ ok: false, errors: [{ path: "disqualify.0.reasonCode", message: '"personal_email" is not an active disqualification reason.' }] });
  });
});
