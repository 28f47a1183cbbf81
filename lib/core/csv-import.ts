import type { z } from "zod";
import type { CsvRecord } from "./csv-file";
import type { EventInput } from "./events";
import { eventInputSchema } from "./events";
import type { LeadInput } from "./lead-input";
import { leadInputSchema } from "./lead-input";

export const IMPORT_KINDS = ["leads", "events", "history"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** The kinds whose rows are read by rowToInput; a history row is read by rowToHistory (lib/core/history/history-csv.ts). */
export type InputKind = Exclude<ImportKind, "history">;

export const MAX_CSV_BYTES = 20 * 1024 * 1024;
const MAX_CUSTOM_COLUMNS = 50;

type Parse = "text" | "wholeNumber" | "dateTime" | "eventType";
type TargetField = { key: string; label: string; parse?: Parse; synonyms: readonly string[] };

const EMAIL_SYNONYMS = ["e-mail", "email address", "e-mail address", "mail", "work email", "business email"];

const LEAD_FIELDS: readonly TargetField[] = [
    { key: "email", label: "E-mail", synonyms: EMAIL_SYNONYMS },
    { key: "firstName", label: "First name", synonyms: ["first name", "given name", "forename", "first"] },
    { key: "lastName", label: "Last name", synonyms: ["last name", "surname", "family name", "last"] },
    { key: "title", label: "Job title", synonyms: ["job title", "position", "job", "role"] },
    { key: "seniority", label: "Seniority", synonyms: ["level", "job level", "management level"] },
    { key: "phone", label: "Phone", synonyms: ["phone number", "telephone", "tel", "mobile", "mobile phone"] },
    { key: "company", label: "Company", synonyms: ["company name", "organization", "organisation", "account", "account name", "employer"] },
    { key: "companySize", label: "Company size", parse: "wholeNumber", synonyms: ["employees", "number of employees", "employee count", "headcount", "size"] },
    { key: "annualRevenue", label: "Annual revenue", parse: "wholeNumber", synonyms: ["revenue", "annual sales", "turnover"] },
    { key: "industry", label: "Industry", synonyms: ["sector", "vertical"] },
    { key: "country", label: "Country", synonyms: ["country name", "country code", "nation"] },
    { key: "website", label: "Website", synonyms: ["web site", "company website", "url", "homepage", "domain"] },
    { key: "source", label: "Source", synonyms: ["lead source", "origin", "channel"] },
];

/**
 * A past lead's dates, named as CRM lifecycle exports name them (HubSpot's "Became a … Date",
 * Salesforce's "Created Date", "Close Date"), one column per stage reached.
 */
const HISTORY_FIELDS: readonly TargetField[] = [
  { key: "createdAt", label: "Created (created_at)", parse: "dateTime", synonyms: ["created", "create date", "created date", "date created", "creation date", "became a lead date"] },
  {
    key: "mqlAt",
    label: "Became MQL (mql_at)",
    parse: "dateTime",
    synonyms: ["mql date", "became mql", "became an mql date", "became a marketing qualified lead date", "marketing qualified date", "mql at"],
  },
  { key: "salAt", label: "Became SAL (sal_at)", parse: "dateTime", synonyms: ["sal date", "became sal", "became a sales accepted lead date", "accepted date", "sales accepted date"] },
  {
    key: "sqlAt",
    label: "Became SQL (sql_at)",
    parse: "dateTime",
    synonyms: ["sql date", "became sql", "became a sales qualified lead date", "sales qualified date", "became an opportunity date", "opportunity created date"],
  },
  { key: "wonAt", label: "Won (won_at)", parse: "dateTime", synonyms: ["won date", "date won", "closed won date", "close date", "became a customer date", "customer since"] },
  { key: "lostAt", label: "Lost (lost_at)", parse: "dateTime", synonyms: ["lost date", "date lost", "closed lost date"] },
  { key: "lostReason", label: "Lost reason (lost_reason)", synonyms: ["lost reason", "loss reason", "reason lost", "closed lost reason"] },
];

export const TARGET_FIELDS: Record<ImportKind, readonly TargetField[]> = {
  leads: LEAD_FIELDS,
  history: [...LEAD_FIELDS, ...HISTORY_FIELDS],
  events: [
    { key: "email", label: "E-mail", synonyms: EMAIL_SYNONYMS },
    { key: "leadId", label: "Lead id", synonyms: ["lead"] },
    { key: "type", label: "Event type", parse: "eventType", synonyms: ["event", "event type", "activity", "activity type", "action"] },
    { key: "occurredAt", label: "Date and time", parse: "dateTime", synonyms: ["date", "timestamp", "time", "date time", "event date", "when", "occurred", "created at"] },
    { key: "idempotencyKey", label: "Idempotency key", synonyms: ["event id", "id", "external id", "unique id", "key"] },
  ],
};

/** Fields a file must fill; where one of several keys will do, any of them. */
export type RequiredField = { label: string; keys: readonly string[]; missing: string };
export const REQUIRED_FIELDS: Record<ImportKind, readonly RequiredField[]> = {
  leads: [{ label: "E-mail", keys: ["email"], missing: "Choose the column that holds the e-mail address: every lead needs one, and leads are matched by it." }],
  events: [
    { label: "Event type", keys: ["type"], missing: "Choose the column that holds the event type, e.g. event_attended." },
    { label: "E-mail or lead id", keys: ["email", "leadId"], missing: "Choose the column with the lead's e-mail address (or lead id): it says whose event each row is." },
  ],
  history: [
    { label: "E-mail", keys: ["email"], missing: "Choose the column that holds the e-mail address: every past lead needs one, and leads are matched by it." },
    { label: "Created (created_at)", keys: ["createdAt"], missing: "Choose the column with the date each lead was created (created_at): the stages are dated from it." },
  ],
};

/** Where an unlisted column goes when the user keeps it: a custom field of the lead, a property of the event. */
export const EXTRA_PREFIX: Record<ImportKind, string> = { leads: "custom.", events: "property.", history: "custom." };

/** For each CSV column, in order, the field it fills, or null for "don't import". */
export type ColumnMapping = Array<string | null>;

const comparable = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Headers matched to fields ignoring case, spaces and punctuation; each field taken by the first column that matches. */
export function suggestMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
  const taken = new Set<string>();
  return headers.map((header) => {
    const name = comparable(header);
    const field = TARGET_FIELDS[kind].find((candidate) => !taken.has(candidate.key) && [candidate.key, ...candidate.synonyms].some((synonym) => comparable(synonym) === name));
    if (!field) return null;
    taken.add(field.key);
    return field.key;
  });
}

/** "Booth Number" becomes booth_number: the name a kept column is stored under. */
export function extraFieldName(header: string, index: number): string {
  const name = header.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 50).replace(/_+$/, "");
  return name || `column_${index + 1}`;
}

export function extraTarget(kind: ImportKind, header: string, index: number): string {
  return EXTRA_PREFIX[kind] + extraFieldName(header, index);
}

// No leading or trailing underscore, so no column can be stored as "__proto__".
const EXTRA_NAME = /^[a-z0-9](?:[a-z0-9_]{0,48}[a-z0-9])?$/;

function isTarget(kind: ImportKind, target: string): boolean {
  if (target.startsWith(EXTRA_PREFIX[kind])) return EXTRA_NAME.test(target.slice(EXTRA_PREFIX[kind].length));
  return TARGET_FIELDS[kind].some((field) => field.key === target);
}

export function targetLabel(kind: ImportKind, target: string): string {
  if (target.startsWith(EXTRA_PREFIX[kind])) return `${kind === "events" ? "Property" : "Custom field"} ${target.slice(EXTRA_PREFIX[kind].length)}`;
  return TARGET_FIELDS[kind].find((field) => field.key === target)?.label ?? target;
}

/** What keeps a mapping from being imported, as sentences for the user; empty when it can be. */
export function mappingProblems(headers: readonly string[], mapping: ColumnMapping, kind: ImportKind): string[] {
  if (mapping.length !== headers.length) return [`The mapping names ${mapping.length} columns but the file has ${headers.length}.`];
  const problems: string[] = [];
  const chosen = mapping.filter((target): target is string => target !== null);
  const unknown = chosen.filter((target) => !isTarget(kind, target));
  if (unknown.length > 0) problems.push(`Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  for (const required of REQUIRED_FIELDS[kind]) if (!required.keys.some((key) => chosen.includes(key))) problems.push(required.missing);
  for (const target of new Set(chosen)) {
    const columns = headers.filter((_, index) => mapping[index] === target);
    if (columns.length > 1) problems.push(`${targetLabel(kind, target)} is chosen for ${columns.length} columns (${columns.join(", ")}); keep one.`);
  }
  const extras = chosen.filter((target) => target.startsWith(EXTRA_PREFIX[kind])).length;
  if (extras > MAX_CUSTOM_COLUMNS) problems.push(`At most ${MAX_CUSTOM_COLUMNS} extra columns can be kept; ${extras} are chosen.`);
  return problems;
}

/** "1,200", "$1.2M", "15k" → whole numbers; null when the text is not a number, "fraction" when not whole. */
export function parseWholeNumber(text: string): number | null | "fraction" {
  const match = /^(-?\d+(?:\.\d+)?)([kmb])?$/i.exec(text.replace(/[\s,'_$€£]/g, ""));
  if (!match) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[match[2]?.toLowerCase() as "k" | "m" | "b"] ?? 1;
  const value = Number(match[1]) * scale;
  const whole = Math.round(value);
  // 2.3 × 1e6 is 2299999.9999999995 in floating point; that is still a whole number.
  return Math.abs(value - whole) < 1e-6 ? whole : "fraction";
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601 (2026-11-24T09:30:00Z, +01:00), 2026-11-24 or 2026-11-24 09:30 → an ISO date-time.
 * A time without a zone is read as UTC: the file doesn't say, and UTC is what the import page tells people.
 */
export function parseImportDate(text: string): string | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const millisecond = match[7] ? Number(match[7].slice(0, 3).padEnd(3, "0")) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(utc);
  // Date.UTC rolls 2026-02-30 over into March; a date that doesn't round-trip doesn't exist.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[8]?.toUpperCase();
  const offsetMinutes = !zone || zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

/** "Content Download" and "content-download" both mean content_download. */
const normalizeEventType = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, "_");

export type RowProblem = { line: number; field: string | null; reason: string };
export type RowResult<T> = { ok: true; line: number; input: T } | ({ ok: false } & RowProblem);

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** How a row's problem names a field: by its label, or (history) by the column of the file. */
export type FieldNamer = (field: string) => string;
export type RowFailure = RowProblem & { ok: false };

export function rowProblem(line: number, name: FieldNamer, field: string | null, message: string, value?: string): RowFailure {
  const subject = field ? `${name(field)}${value ? ` "${shorten(value)}"` : ""}: ` : "";
  return { ok: false, line, field, reason: subject + message };
}

/** The first problem the lead or event schema found, named as the row's fields are. */
export function schemaProblem(line: number, kind: ImportKind, name: FieldNamer, error: z.ZodError, values: ReadonlyMap<string, string>): RowFailure {
  const [issue] = error.issues;
  const [head, extra] = issue.path.map(String);
  const field = head === "customFields" || head === "properties" ? EXTRA_PREFIX[kind] + extra : head;
  return rowProblem(line, name, field ?? null, issue.message, field ? values.get(field) : undefined);
}

const FIELD_PARSE = new Map(Object.entries(TARGET_FIELDS).map(([kind, fields]) => [kind, new Map(fields.map((field) => [field.key, field.parse ?? "text"]))]));

/** A row's filled cells by field (as written), the fields parsed, and the extra columns kept. */
export type ReadRow = { values: Map<string, string>; input: Record<string, unknown>; extras: Record<string, string> };

/**
 * Reads a row's mapped cells and parses each by its field (numbers, dates, event types), or says
 * what keeps it from being read. Empty cells are left out, so a re-import never blanks a field
 * the file doesn't fill.
 */
export function readRow(record: CsvRecord, mapping: ColumnMapping, kind: ImportKind, name: FieldNamer): { ok: true; row: ReadRow } | RowFailure {
  const { line, cells } = record;
  if (record.parseError) return rowProblem(line, name, null, record.parseError);
  if (cells.slice(mapping.length).some((cell) => cell.trim() !== "")) {
    return rowProblem(line, name, null, `The row has ${cells.length} values but the header has ${mapping.length} columns; a value containing the separator needs quotes.`);
  }
  const values = new Map<string, string>();
  mapping.forEach((target, index) => {
    const value = cells[index]?.trim() ?? "";
    if (target && value !== "") values.set(target, value);
  });

  const input: Record<string, unknown> = {};
  const extras: Record<string, string> = {};
  for (const [target, value] of values) {
    if (target.startsWith(EXTRA_PREFIX[kind])) {
      extras[target.slice(EXTRA_PREFIX[kind].length)] = value;
      continue;
    }
    const parse = FIELD_PARSE.get(kind)?.get(target);
    if (parse === "wholeNumber") {
      const number = parseWholeNumber(value);
      if (number === null) return rowProblem(line, name, target, "Is not a number; write it like 1200 or 1,200.", value);
      if (number === "fraction") return rowProblem(line, name, target, "Must be a whole number.", value);
      if (number < 0) return rowProblem(line, name, target, "Can't be negative.", value);
      input[target] = number;
    } else if (parse === "dateTime") {
      const date = parseImportDate(value);
      if (!date) return rowProblem(line, name, target, "Is not a date; write it like 2026-11-24, 2026-11-24 09:30 or 2026-11-24T09:30:00Z.", value);
      input[target] = date;
    } else {
      input[target] = parse === "eventType" ? normalizeEventType(value) : value;
    }
  }
  return { ok: true, row: { values, input, extras } };
}

/** One CSV row of leads or events as the input the API takes, or why it can't be: the line, the field and the reason. */
export function rowToInput(record: CsvRecord, mapping: ColumnMapping, kind: "leads"): RowResult<LeadInput>;
export function rowToInput(record: CsvRecord, mapping: ColumnMapping, kind: "events"): RowResult<EventInput>;
export function rowToInput(record: CsvRecord, mapping: ColumnMapping, kind: InputKind): RowResult<LeadInput | EventInput>;
export function rowToInput(record: CsvRecord, mapping: ColumnMapping, kind: InputKind): RowResult<LeadInput | EventInput> {
  const { line } = record;
  const name: FieldNamer = (field) => targetLabel(kind, field);
  const read = readRow(record, mapping, kind, name);
  if (!read.ok) return read;
  const { values, input, extras } = read.row;

  if (kind === "leads") {
    if (!values.has("email")) return rowProblem(line, name, "email", "Is empty; every lead needs an e-mail address.");
    if (Object.keys(extras).length > 0) input.customFields = extras;
    const parsed = leadInputSchema.safeParse(input);
    return parsed.success ? { ok: true, line, input: parsed.data } : schemaProblem(line, kind, name, parsed.error, values);
  }
  if (!values.has("type")) return rowProblem(line, name, "type", "Is empty; every event needs a type, e.g. event_attended.");
  // A lead id names the lead exactly; an e-mail in the same row is then only a reminder for people.
  if (input.leadId) delete input.email;
  if (!input.email && !input.leadId) return rowProblem(line, name, "email", "Is empty, and there is no lead id: the event can't be matched to a lead.");
  if (Object.keys(extras).length > 0) input.properties = extras;
  const parsed = eventInputSchema.safeParse(input);
  return parsed.success ? { ok: true, line, input: parsed.data } : schemaProblem(line, kind, name, parsed.error, values);
}

/** Later rows for the same e-mail win field by field; custom fields are merged, as upserting them one after another would. */
export function mergeLeadInputs(earlier: LeadInput, later: LeadInput): LeadInput {
  const merged = { ...earlier, ...later };
  if (earlier.customFields || later.customFields) merged.customFields = { ...earlier.customFields, ...later.customFields };
  return merged;
}

/**
 * The event's idempotency key; when the file has none, one derived from what the event is (who,
 * what, when, details), so importing the same file again finds the events already there. The
 * hash is passed in because the domain core stays free of Node modules; the server gives SHA-256.
 */
export function stableEventKey(input: EventInput, hash: (text: string) => string): string {
  if (input.idempotencyKey) return input.idempotencyKey;
  // Sorted by code point, not localeCompare: the key must not depend on the server's locale.
  const properties = Object.entries(input.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const occurredAt = input.occurredAt ? new Date(input.occurredAt).getTime() : null;
  return `csv:${hash(JSON.stringify([input.email?.toLowerCase() ?? null, input.leadId ?? null, input.type, occurredAt, properties]))}`;
}

/**
 * A bad row's reason shown beside the field it names: without that name at its start
 * ('E-mail "x": Must be…' beside "E-mail" reads '"x": Must be…'). Reasons not led by it stay whole.
 */
export function reasonBesideField(reason: string, field: string | null): string {
  if (!field || !reason.startsWith(field)) return reason;
  const rest = reason.slice(field.length);
  if (rest.startsWith(": ")) return rest.slice(2);
  return rest.startsWith(" ") ? rest.slice(1) : reason;
}
