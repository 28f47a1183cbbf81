import type { Condition, FitField, LeadAttributes } from "./types";

// Conditions are shared by fit rules, disqualifying rules and engagement property filters,
// so they take `unknown`: event properties arrive as whatever JSON the sender chose.

export type FieldValue = string | number | boolean | null | undefined;

const FIELD_LABELS: Record<string, string> = {
  companySize: "Company size",
  annualRevenue: "Annual revenue",
  industry: "Industry",
  title: "Title",
  seniority: "Seniority",
  country: "Country",
  emailDomain: "E-mail domain",
  website: "Website",
  source: "Source",
};

export const CUSTOM_PREFIX = "custom.";

export function fieldLabel(field: FitField): string {
  if (field.startsWith(CUSTOM_PREFIX)) return `Custom field ${field.slice(CUSTOM_PREFIX.length)}`;
  return FIELD_LABELS[field] ?? field;
}

/** The part after the last @, lower-cased; an address without @ has no domain. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase();
}

// hasOwn, not `in` or plain indexing: a custom field named "constructor" must not read Object.prototype.
function ownValue(record: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function readField(lead: LeadAttributes, field: FitField): unknown {
  if (field.startsWith(CUSTOM_PREFIX)) return ownValue(lead.customFields, field.slice(CUSTOM_PREFIX.length));
  if (field === "emailDomain") return emailDomain(lead.email);
  return ownValue(lead as Readonly<Record<string, unknown>>, field);
}

export function readProperty(properties: Readonly<Record<string, unknown>>, key: string): unknown {
  return ownValue(properties, key);
}

/** A finite number, or a string that is one ("250", " 1e3 "); anything else is not numeric. */
export function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

// A number on either side makes it a numeric comparison, so "250" in a CSV-imported custom
// field equals the rule's 250; two strings compare as text, ignoring case.
function sameValue(actual: unknown, expected: string | number): boolean {
  if (typeof expected === "number") return asNumber(actual) === expected;
  if (typeof actual === "number") return asNumber(expected) === actual;
  const text = asText(actual);
  return text !== null && text.trim().toLowerCase() === expected.trim().toLowerCase();
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "i");
  } catch {
    return null;
  }
}

/** Compiles a condition once so a rule can test many events without re-building its RegExp. */
// Rule sets are immutable once parsed, so each condition is compiled once (a regular
// expression especially), not once per lead.
const compiled = new WeakMap<Condition, (value: unknown) => boolean>();

export function compileCondition(condition: Condition): (value: unknown) => boolean {
  let predicate = compiled.get(condition);
  if (!predicate) {
    predicate = buildPredicate(condition);
    compiled.set(condition, predicate);
  }
  return predicate;
}

function buildPredicate(condition: Condition): (value: unknown) => boolean {
  switch (condition.operator) {
    case "equals":
      return (value) => sameValue(value, condition.value);
    case "in":
      return (value) => condition.values.some((expected) => sameValue(value, expected));
    case "range":
      return (value) => {
        const number = asNumber(value);
        if (number === null) return false;
        return (condition.min === undefined || number >= condition.min) && (condition.max === undefined || number <= condition.max);
      };
    case "contains": {
      const needle = condition.value.toLowerCase();
      return (value) => asText(value)?.toLowerCase().includes(needle) ?? false;
    }
    case "matches": {
      const regex = compilePattern(condition.pattern);
      return (value) => {
        const text = asText(value);
        return regex !== null && text !== null && regex.test(text);
      };
    }
    case "isEmpty":
      return isEmptyValue;
    default: {
      const unhandled: never = condition;
      throw new Error(`Unhandled condition ${JSON.stringify(unhandled)}`);
    }
  }
}

// Our own digit grouping: toLocaleString would make the reason depend on the server's locale.
export function formatNumber(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export function showValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}

function showExpected(value: string | number): string {
  return typeof value === "number" ? formatNumber(value) : value;
}

/** Why a matched condition matched, in words, e.g. `Company size 250 is between 200 and 999`. */
export function describeMatch(label: string, value: unknown, condition: Condition): string {
  switch (condition.operator) {
    case "equals":
      return `${label} is ${showValue(value)}`;
    case "in":
      return `${label} ${showValue(value)} is one of ${condition.values.map(showExpected).join(", ")}`;
    case "range": {
      const shown = formatNumber(asNumber(value) ?? Number.NaN);
      const { min, max } = condition;
      if (min !== undefined && max !== undefined) return `${label} ${shown} is between ${formatNumber(min)} and ${formatNumber(max)}`;
      if (min !== undefined) return `${label} ${shown} is at least ${formatNumber(min)}`;
      return `${label} ${shown} is at most ${formatNumber(max ?? Number.NaN)}`;
    }
    case "contains":
      return `${label} ${showValue(value)} contains "${condition.value}"`;
    case "matches":
      return `${label} ${showValue(value)} matches the pattern ${condition.pattern}`;
    case "isEmpty":
      return `${label} is empty`;
    default: {
      const unhandled: never = condition;
      throw new Error(`Unhandled condition ${JSON.stringify(unhandled)}`);
    }
  }
}
