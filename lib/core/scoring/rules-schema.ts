import { z } from "zod";
import { CUSTOM_PREFIX } from "./conditions";
import type { FitField, ScoringRules } from "./types";
import { STANDARD_FIT_FIELDS } from "./types";

// Messages are written for the marketer editing the rules, not for the developer: they say
// what to enter, in words, and the path points at the rule and setting to fix.

const MAX_POINTS = 1000;
const MAX_DAYS = 3650;
const CUSTOM_NAME = /^[A-Za-z0-9_]+$/;

const OPERATORS = ["equals", "in", "range", "contains", "matches", "isEmpty"] as const;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}

export function isFitField(value: unknown): value is FitField {
  if (typeof value !== "string") return false;
  if (value.startsWith(CUSTOM_PREFIX)) return CUSTOM_NAME.test(value.slice(CUSTOM_PREFIX.length));
  return (STANDARD_FIT_FIELDS as readonly string[]).includes(value);
}

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .max(max, `${capitalize(what)} can be at most ${max} characters.`)
    .refine((value) => value.trim() !== "", `Enter ${what}.`);

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const comparable = z.union([text("a value", 200), z.number()], { error: "Enter text or a number." });

const conditionSchema = z.discriminatedUnion(
  "operator",
  [
    z.strictObject({ operator: z.literal("equals"), value: comparable }),
    z.strictObject({
      operator: z.literal("in"),
      values: z.array(comparable, { error: "Enter a list of values." }).min(1, "Enter at least one value.").max(500, "At most 500 values."),
    }),
    z
      .strictObject({
        operator: z.literal("range"),
        min: z.number({ error: "The minimum must be a number." }).optional(),
        max: z.number({ error: "The maximum must be a number." }).optional(),
      })
      .refine((range) => range.min !== undefined || range.max !== undefined, { error: "Give a minimum, a maximum or both.", path: ["min"] })
      .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
        error: "The minimum can't be larger than the maximum.",
        path: ["max"],
      }),
    z.strictObject({ operator: z.literal("contains"), value: text("the text to look for", 200) }),
    z.strictObject({
      operator: z.literal("matches"),
      pattern: text("a pattern", 500).refine(compiles, "This pattern is not a valid regular expression."),
    }),
    z.strictObject({ operator: z.literal("isEmpty") }),
  ],
  { error: `Choose how to compare: ${OPERATORS.join(", ")}.` },
);

const ruleId = text("an id", 100);
const label = text("a label", 100);
const points = z
  .int({ error: `Points must be a whole number between -${MAX_POINTS} and ${MAX_POINTS}.` })
  .min(-MAX_POINTS, `Points must be at least -${MAX_POINTS}.`)
  .max(MAX_POINTS, `Points can be at most ${MAX_POINTS}.`);
const days = (what: string) =>
  z
    .int({ error: `${what} must be a whole number of days.` })
    .min(1, `${what} must be at least 1 day.`)
    .max(MAX_DAYS, `${what} can be at most ${MAX_DAYS} days (10 years).`);
const field = z.custom<FitField>(isFitField, {
  error: `Choose a lead field (${STANDARD_FIT_FIELDS.join(", ")}) or a custom field written as custom.<name> with letters, digits or underscores.`,
});

const fitRuleSchema = z.strictObject({ id: ruleId, label, field, condition: conditionSchema, points });

const engagementRuleSchema = z.strictObject({
  id: ruleId,
  label,
  eventType: z
    .string({ error: "Enter an event type." })
    .regex(/^[a-z0-9_]{1,50}$/, "Use 1–50 lower-case letters, digits or underscores for the event type, e.g. content_download."),
  property: z.strictObject({ key: text("the property name", 100), condition: conditionSchema }).optional(),
  points,
  cap: z
    .strictObject({
      points: z.int({ error: "The cap must be a whole number of points." }).min(1, "The cap must be at least 1 point.").max(100_000, "The cap can be at most 100000 points."),
      windowDays: days("The cap's window"),
    })
    .optional(),
  halfLifeDays: days("The half-life").optional(),
});

const disqualifyRuleSchema = z.strictObject({
  id: ruleId,
  label,
  field,
  condition: conditionSchema,
  action: z.enum(["flag", "disqualify"], { error: 'Choose "flag" (mark for review) or "disqualify".' }),
  reasonCode: z.string({ error: "Choose a disqualification reason." }).regex(/^[a-z0-9_]{1,50}$/, "Choose a disqualification reason."),
});

const list = <T extends z.ZodType>(schema: T, what: string) => z.array(schema, { error: `The ${what} must be a list.` }).max(500, `At most 500 ${what}.`);

export const scoringRulesSchema = z
  .strictObject(
    {
      fit: list(fitRuleSchema, "fit rules"),
      engagement: list(engagementRuleSchema, "engagement rules"),
      disqualify: list(disqualifyRuleSchema, "disqualifying rules"),
      threshold: z.strictObject(
        {
          total: z.int({ error: "The MQL threshold must be a whole number of points." }),
          fit: z.int({ error: "The fit threshold must be a whole number of points." }).optional(),
          probability: z
            .number({ error: "The probability threshold must be a number between 0 and 1, e.g. 0.3 for 30 %." })
            .gt(0, "The probability threshold must be above 0.")
            .lt(1, "The probability threshold must be below 1.")
            .optional(),
        },
        { error: "Set the MQL threshold." },
      ),
    },
    { error: "The rules must be a set of fit, engagement and disqualifying rules with a threshold." },
  )
  .superRefine((rules, context) => {
    // Contributions and flags name their rule by id, so an id must mean one rule across the set.
    const seen = new Map<string, string>();
    for (const section of ["fit", "engagement", "disqualify"] as const) {
      rules[section].forEach((rule, index) => {
        const where = `${section}.${index}`;
        const first = seen.get(rule.id);
        if (first) context.addIssue({ code: "custom", path: [section, index, "id"], message: `The id "${rule.id}" is already used by ${first}; every rule needs its own id.` });
        else seen.set(rule.id, where);
      });
    }
  });

export type RuleError = { path: string; message: string };
export type ParsedRules = { ok: true; rules: ScoringRules } | { ok: false; errors: RuleError[] };

/**
 * Checks rules a person wrote (or an old version stored as JSON). `reasonCodes`, when given,
 * are the active disqualification reasons a disqualifying rule may use.
 */
export function parseScoringRules(raw: unknown, options: { reasonCodes?: readonly string[] } = {}): ParsedRules {
  const parsed = scoringRulesSchema.safeParse(raw, { error: fallbackMessage });
  const errors = parsed.success ? [] : parsed.error.issues.flatMap(toRuleErrors);
  if (parsed.success && options.reasonCodes) {
    parsed.data.disqualify.forEach((rule, index) => {
      if (!options.reasonCodes?.includes(rule.reasonCode)) {
        errors.push({ path: `disqualify.${index}.reasonCode`, message: `"${rule.reasonCode}" is not an active disqualification reason.` });
      }
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const rules: ScoringRules = parsed.data;
  return { ok: true, rules };
}

function toRuleErrors(issue: z.core.$ZodIssue): RuleError[] {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...path, key].join("."), message: `"${key}" is not a setting here; remove it or check the spelling.` }));
  }
  return [{ path: path.join("."), message: issue.message }];
}

// Only for issues no schema above words itself, e.g. a required setting left out.
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type" && issue.input === undefined) return "This setting is required.";
  if (issue.code === "invalid_type") return `Expected ${issue.expected === "int" ? "a whole number" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}.`;
  if (issue.code === "invalid_value") return `Choose one of: ${issue.values.map(String).join(", ")}.`;
  return undefined;
}
