import type { ThresholdDraft } from "@/lib/core/scoring/threshold-draft";
import { fromThresholdDraft, toThresholdDraft } from "@/lib/core/scoring/threshold-draft";
import type { Condition, DisqualifyRule, EngagementRule, FitRule, ScoringRules } from "@/lib/core/scoring/types";

// What the editor holds while a marketer types: every input as the text in it, so a half-typed
// number ("-", "1e") stays on screen. It becomes rules only when previewed or saved, and the
// server's schema judges the result: one set of rules and messages, keyed by the same paths.

export const OPERATORS = ["equals", "in", "range", "contains", "matches", "isEmpty"] as const;
export type Operator = (typeof OPERATORS)[number];

export const CUSTOM = "custom";
const CUSTOM_FIELD_PREFIX = "custom.";
// Numbers are compared as numbers, so "250" typed for company size means 250.
const NUMERIC_FIELDS = new Set(["companySize", "annualRevenue"]);
export const isNumericField = (field: string) => NUMERIC_FIELDS.has(field);

export type ConditionDraft = { operator: Operator; value: string; values: string; min: string; max: string; pattern: string };
/** A standard lead field, or CUSTOM with the custom field's name. */
export type FieldDraft = { field: string; customName: string };

export type FitRuleDraft = { id: string; label: string; target: FieldDraft; condition: ConditionDraft; points: string };
export type EngagementRuleDraft = {
  id: string;
  label: string;
  eventType: string;
  customEventType: string;
  filtered: boolean;
  propertyKey: string;
  propertyCondition: ConditionDraft;
  points: string;
  capPoints: string;
  capDays: string;
  halfLifeDays: string;
};
export type DisqualifyRuleDraft = { id: string; label: string; target: FieldDraft; condition: ConditionDraft; action: DisqualifyRule["action"]; reasonCode: string };
export type RulesDraft = { fit: FitRuleDraft[]; engagement: EngagementRuleDraft[]; disqualify: DisqualifyRuleDraft[] } & ThresholdDraft;

const text = (value: number | undefined) => (value === undefined ? "" : String(value));

function conditionDraft(condition?: Condition): ConditionDraft {
  const draft: ConditionDraft = { operator: condition?.operator ?? "equals", value: "", values: "", min: "", max: "", pattern: "" };
  if (condition?.operator === "equals" || condition?.operator === "contains") draft.value = String(condition.value);
  if (condition?.operator === "in") draft.values = condition.values.join(", ");
  if (condition?.operator === "range") Object.assign(draft, { min: text(condition.min), max: text(condition.max) });
  if (condition?.operator === "matches") draft.pattern = condition.pattern;
  return draft;
}

function fieldDraft(field: string): FieldDraft {
  return field.startsWith(CUSTOM_FIELD_PREFIX) ? { field: CUSTOM, customName: field.slice(CUSTOM_FIELD_PREFIX.length) } : { field, customName: "" };
}

export function toDraft(rules: ScoringRules, standardEventTypes: readonly string[]): RulesDraft {
  return {
    fit: rules.fit.map((rule) => ({ id: rule.id, label: rule.label, target: fieldDraft(rule.field), condition: conditionDraft(rule.condition), points: String(rule.points) })),
    engagement: rules.engagement.map((rule) => {
      const standard = standardEventTypes.includes(rule.eventType);
      return {
        id: rule.id,
        label: rule.label,
        eventType: standard ? rule.eventType : CUSTOM,
        customEventType: standard ? "" : rule.eventType,
        filtered: rule.property !== undefined,
        propertyKey: rule.property?.key ?? "",
        propertyCondition: conditionDraft(rule.property?.condition ?? { operator: "contains", value: "" }),
        points: String(rule.points),
        capPoints: text(rule.cap?.points),
        capDays: text(rule.cap?.windowDays),
        halfLifeDays: text(rule.halfLifeDays),
      };
    }),
    disqualify: rules.disqualify.map((rule) => ({ id: rule.id, label: rule.label, target: fieldDraft(rule.field), condition: conditionDraft(rule.condition), action: rule.action, reasonCode: rule.reasonCode })),
    ...toThresholdDraft(rules.threshold),
  };
}

// Not a number becomes null rather than NaN, so the schema says "must be a whole number" at
// the right path instead of the value disappearing on the way to the server.
function requiredNumber(value: string): number | null {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  return Number.isFinite(number) ? number : null;
}

function optionalNumber(value: string): number | null | undefined {
  return value.trim() === "" ? undefined : requiredNumber(value);
}

function comparable(value: string, numeric: boolean): string | number | null {
  return numeric ? requiredNumber(value) : value.trim();
}

function toCondition(draft: ConditionDraft, numeric: boolean): unknown {
  switch (draft.operator) {
    case "equals":
      return { operator: "equals", value: comparable(draft.value, numeric) };
    case "in": {
      const values = draft.values.split(",").map((value) => value.trim()).filter(Boolean);
      return { operator: "in", values: values.map((value) => comparable(value, numeric)) };
    }
    case "range":
      return { operator: "range", min: optionalNumber(draft.min), max: optionalNumber(draft.max) };
    case "contains":
      return { operator: "contains", value: draft.value.trim() };
    case "matches":
      return { operator: "matches", pattern: draft.pattern };
    case "isEmpty":
      return { operator: "isEmpty" };
  }
}

function toField(draft: FieldDraft): string {
  return draft.field === CUSTOM ? `${CUSTOM_FIELD_PREFIX}${draft.customName.trim()}` : draft.field;
}

/** The rules as the server expects them; what isn't valid is left for the schema to name. */
export function fromDraft(draft: RulesDraft): unknown {
  return {
    fit: draft.fit.map((rule): Record<keyof FitRule, unknown> => ({
      id: rule.id,
      label: rule.label.trim(),
      field: toField(rule.target),
      condition: toCondition(rule.condition, isNumericField(rule.target.field)),
      points: requiredNumber(rule.points),
    })),
    engagement: draft.engagement.map((rule): Record<keyof EngagementRule, unknown> => ({
      id: rule.id,
      label: rule.label.trim(),
      eventType: rule.eventType === CUSTOM ? rule.customEventType.trim() : rule.eventType,
      property: rule.filtered ? { key: rule.propertyKey.trim(), condition: toCondition(rule.propertyCondition, false) } : undefined,
      points: requiredNumber(rule.points),
      cap: rule.capPoints.trim() === "" && rule.capDays.trim() === "" ? undefined : { points: requiredNumber(rule.capPoints), windowDays: requiredNumber(rule.capDays) },
      halfLifeDays: optionalNumber(rule.halfLifeDays),
    })),
    disqualify: draft.disqualify.map((rule): Record<keyof DisqualifyRule, unknown> => ({
      id: rule.id,
      label: rule.label.trim(),
      field: toField(rule.target),
      condition: toCondition(rule.condition, isNumericField(rule.target.field)),
      action: rule.action,
      reasonCode: rule.reasonCode,
    })),
    threshold: fromThresholdDraft(draft),
  };
}

// Ids only tell rules apart in explanations; the schema refuses a duplicate should one occur.
// (Not crypto.randomUUID: browsers only offer it on https and localhost.)
const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

export function newFitRule(): FitRuleDraft {
  return { id: newId("fit"), label: "", target: { field: "industry", customName: "" }, condition: conditionDraft(), points: "10" };
}

export function newEngagementRule(): EngagementRuleDraft {
  return {
    id: newId("engagement"),
    label: "",
    eventType: "page_view",
    customEventType: "",
    filtered: false,
    propertyKey: "",
    propertyCondition: conditionDraft({ operator: "contains", value: "" }),
    points: "5",
    capPoints: "",
    capDays: "",
    halfLifeDays: "30",
  };
}

export function newDisqualifyRule(defaultReason: string): DisqualifyRuleDraft {
  return { id: newId("dq"), label: "", target: { field: "emailDomain", customName: "" }, condition: conditionDraft({ operator: "in", values: [""] }), action: "flag", reasonCode: defaultReason };
}
