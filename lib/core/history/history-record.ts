import { z } from "zod";
import { fieldErrorsOf } from "../field-errors";
import { leadInputSchema } from "../lead-input";
import type { LeadInput } from "../lead-input";
import { MAX_CLOCK_SKEW_MS, pastDateTime } from "../events";
import type { Stage } from "../stages";

/*
 * A past lead with what became of it, as a CRM's lifecycle export knows it: the lead, its dated
 * events, and the date it entered each stage it reached. Checked here as a whole, so a record
 * is imported entirely or not at all.
 */

export const HISTORY_STAGES = ["MQL", "SAL", "SQL", "WON", "LOST"] as const;
export type HistoryStage = (typeof HISTORY_STAGES)[number];
export const MAX_HISTORY_RECORDS = 1_000;
export const MAX_HISTORY_EVENTS = 1_000;

/** The funnel order of the stages a history may hold; LOST may follow any of them. */
const FUNNEL_ORDER: Record<Exclude<HistoryStage, "LOST">, number> = { MQL: 1, SAL: 2, SQL: 3, WON: 4 };

const dateTime = (what: string) => pastDateTime(`${what} must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z.`);

const historyEventSchema = z.strictObject({
  type: z.string({ error: "Give the event type." }).regex(/^[a-z0-9_]{1,50}$/, "Use 1–50 lower-case letters, digits or underscores, e.g. content_download."),
  occurredAt: dateTime("The event's date"),
  properties: z
    .record(z.string().min(1).max(100), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]))
    .refine((properties) => Object.keys(properties).length <= 50, "At most 50 properties.")
    .optional(),
});

const stageEntrySchema = z.strictObject({
  stage: z.enum(HISTORY_STAGES, { error: `The stage must be one of ${HISTORY_STAGES.join(", ")}.` }),
  at: dateTime("The stage's date"),
  reason: z.string().trim().max(500, "A reason can be at most 500 characters.").optional(),
});

export const historyRecordSchema = z.strictObject({
  lead: leadInputSchema.extend({ createdAt: dateTime("The lead's creation date") }),
  events: z.array(historyEventSchema).max(MAX_HISTORY_EVENTS, `At most ${MAX_HISTORY_EVENTS} events per record.`).default([]),
  stages: z.array(stageEntrySchema).max(HISTORY_STAGES.length, "Each stage can appear once.").default([]),
});

export type HistoryEvent = { type: string; occurredAt: number; properties: Record<string, string | number | boolean | null> };
export type HistoryStageEntry = { stage: HistoryStage; at: number; reason: string | null };
/** A checked record: dates as milliseconds, stages in the order they happened. */
export type HistoryRecord = { lead: LeadInput; createdAt: number; events: HistoryEvent[]; stages: HistoryStageEntry[] };

export type CheckedRecord = { ok: true; record: HistoryRecord } | { ok: false; errors: Array<{ field: string; message: string }> };

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Checks one record: its shape, then that stages run in funnel order (skipping is fine) with
 * dates that never go back, none before the lead was created and none in the future. Each
 * problem names the field to fix, e.g. `stages.2.at`.
 */
export function checkHistoryRecord(raw: unknown, now: number): CheckedRecord {
  const parsed = historyRecordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => ({ field, message })) };
  const { lead, events, stages } = parsed.data;
  const { createdAt: createdText, ...leadInput } = lead;
  const createdAt = Date.parse(createdText);
  const latest = now + MAX_CLOCK_SKEW_MS;
  const errors: Array<{ field: string; message: string }> = [];
  if (createdAt > latest) errors.push({ field: "lead.createdAt", message: "The lead's creation date lies in the future." });

  const seen = new Map<HistoryStage, number>();
  let previous: { stage: HistoryStage; at: number; index: number } | null = null;
  stages.forEach((entry, index) => {
    const at = Date.parse(entry.at);
    const field = `stages.${index}`;
    if (seen.has(entry.stage)) errors.push({ field: `${field}.stage`, message: `${entry.stage} appears twice (entries ${seen.get(entry.stage)} and ${index}); give each stage once.` });
    seen.set(entry.stage, index);
    if (at < createdAt) errors.push({ field: `${field}.at`, message: `${entry.stage} on ${day(at)} is before the lead was created (${day(createdAt)}).` });
    if (at > latest) errors.push({ field: `${field}.at`, message: `${entry.stage} on ${day(at)} lies in the future.` });
    if (previous) {
      if (previous.stage === "LOST" || previous.stage === "WON") {
        errors.push({ field: `${field}.stage`, message: `${entry.stage} comes after ${previous.stage}, which ends the lead's history.` });
      } else if (entry.stage !== "LOST" && FUNNEL_ORDER[entry.stage] < FUNNEL_ORDER[previous.stage]) {
        errors.push({ field: `${field}.stage`, message: `${entry.stage} comes after ${previous.stage}; give the stages in funnel order (MQL, SAL, SQL, WON).` });
      }
      if (at < previous.at) errors.push({ field: `${field}.at`, message: `${entry.stage} on ${day(at)} is earlier than ${previous.stage} on ${day(previous.at)}; dates can't go back.` });
    }
    previous = { stage: entry.stage, at, index };
  });
  events.forEach((event, index) => {
    if (Date.parse(event.occurredAt) > latest) errors.push({ field: `events.${index}.occurredAt`, message: "The event lies more than a day in the future." });
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      lead: leadInput,
      createdAt,
      events: events.map((event) => ({ type: event.type, occurredAt: Date.parse(event.occurredAt), properties: event.properties ?? {} })),
      stages: stages.map((entry) => ({ stage: entry.stage, at: Date.parse(entry.at), reason: entry.reason || null })),
    },
  };
}

/** The move an imported stage entry stands for, so dashboards read it like a live one. */
export const IMPORTED_MOVE: Record<HistoryStage, string> = { MQL: "markMql", SAL: "accept", SQL: "qualify", WON: "win", LOST: "lose" };

/** Where a lead stands after its history: its last stage and since when. */
export function finalStage(record: HistoryRecord): { stage: Stage; at: number } {
  const last = record.stages[record.stages.length - 1];
  return last ? { stage: last.stage, at: last.at } : { stage: "LEAD", at: record.createdAt };
}
