import "server-only";
import { leadName } from "@/lib/core/lead-search";
import { z } from "zod";
import { activityKindOf } from "@/lib/core/activities";
import type { BoardCard } from "@/lib/core/board";
import type { ReasonList } from "@/lib/core/reasons";
import { OTHER_REASON_LABEL, reasonListOf } from "@/lib/core/reasons";
import type { RuleFlag } from "@/lib/core/scoring/types";
import { isStage } from "@/lib/core/stages";
import { isPlainObject, parseStoredJson } from "@/lib/core/stored-json";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/core/keyset-cursor";
import type { CustomFieldValue, LeadActivity, LeadDetails, LeadEvent, TimelineEntry, LeadTimelinePage } from "@/lib/views/leads";
import { explainScore } from "../scoring/lead-scoring";
import { leadProbability } from "../scoring/lead-probability";
import type { ActivityRow, TimelineEventRow, TimelinePosition } from "./lead-store";
import { leadStore } from "./lead-store";
import { reasonLabels } from "../settings/reason-lists";
import { AppError } from "../errors";
import { reads } from "../store/database";

export const SYSTEM_ACTOR_NAME = "Leadgate (automatic)";
export const ROUTING_ACTOR_NAME = "Leadgate routing";
export const TIMELINE_PAGE_SIZE = 50;
const MAX_TIMELINE_PAGE_SIZE = 200;

const flagSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  action: z.enum(["flag", "disqualify"]),
  reasonCode: z.string(),
  reason: z.string(),
}) satisfies z.ZodType<RuleFlag>;

// Stored JSON outlives the code that wrote it: a bad list or entry is skipped, never a broken page.
function parseList<T>(text: string, schema: z.ZodType<T>): T[] {
  const value = parseStoredJson(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function parseCustomFields(text: string): Record<string, CustomFieldValue> {
  const value = parseStoredJson(text);
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, field === null || ["string", "number", "boolean"].includes(typeof field) ? (field as CustomFieldValue) : JSON.stringify(field)]),
  );
}

function parseChecklist(text: string | null): Record<string, boolean> | null {
  const value = parseStoredJson(text);
  if (!isPlainObject(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, answer]) => [key, answer === true]));
}

export function toLeadActivity(note: ActivityRow): LeadActivity {
  return { id: note.id, kind: activityKindOf(note.kind), body: note.body, authorName: note.author.name, createdAt: note.createdAt.toISOString() };
}

// History keeps the label of a reason even after it is retired from its managed list.
const listOf = (move: string) => (reasonListOf(move) === "reject" ? "reject" : "disqualification");
const codesIn = (transitions: ReadonlyArray<{ move: string; reasonCode: string | null }>, list: ReasonList) =>
  transitions.flatMap((transition) => (transition.reasonCode && listOf(transition.move) === list ? [transition.reasonCode] : []));

/** Everything the lead page shows except the timeline, which pages on its own (listLeadTimeline). */
export async function getLeadDetails(id: string): Promise<LeadDetails> {
  const lead = await leadStore.page(reads(), id);
  if (!lead || !isStage(lead.stage)) throw new AppError("NOT_FOUND", "This lead doesn't exist, or was deleted.");

  // The explanation comes with the times of the events it read: no second query for them.
  const explained = await explainScore(lead.id);
  const [disqualificationLabels, rejectLabels, probability] = await Promise.all([
    reasonLabels("disqualification", codesIn(lead.transitions, "disqualification")),
    reasonLabels("reject", codesIn(lead.transitions, "reject")),
    leadProbability(lead),
  ]);
  const labels = { disqualification: disqualificationLabels, reject: rejectLabels };

  return {
    id: lead.id,
    version: lead.version,
    stage: lead.stage,
    stageEnteredAt: lead.stageEnteredAt.toISOString(),
    createdAt: lead.createdAt.toISOString(),
    owner: lead.owner,
    profile: {
      name: leadName(lead),
      email: lead.email,
      title: lead.title,
      seniority: lead.seniority,
      phone: lead.phone,
      company: lead.company,
      companySize: lead.companySize,
      annualRevenue: lead.annualRevenue,
      industry: lead.industry,
      country: lead.country,
      website: lead.website,
      source: lead.source,
      customFields: parseCustomFields(lead.customFields),
    },
    scores: {
      fit: lead.fitScore,
      engagement: lead.engagementScore,
      total: lead.totalScore,
      scoredAt: lead.scoredAt?.toISOString() ?? null,
      ruleSetVersion: lead.ruleSetVersion,
    },
    explanation: {
      contributions: (explained?.contributions ?? []).map((contribution) => ({
        ...contribution,
        eventOccurredAt: (contribution.eventId && explained?.eventTimes.get(contribution.eventId)?.toISOString()) || null,
      })),
      flags: parseList(lead.scoreFlags, flagSchema),
    },
    probability,
    history: lead.transitions.map((transition) => ({
      id: transition.id,
      fromStage: transition.fromStage,
      toStage: transition.toStage,
      move: transition.move,
      actorName: transition.actor?.name ?? SYSTEM_ACTOR_NAME,
      automatic: transition.actorId === null,
      reason: transition.reason,
      reasonCode: transition.reasonCode,
      // A rejection written before reject reasons were listed reads as Other, with its text.
      reasonLabel: transition.reasonCode
        ? (labels[listOf(transition.move)].get(transition.reasonCode) ?? transition.reasonCode)
        : transition.move === "reject"
          ? OTHER_REASON_LABEL
          : null,
      checklist: parseChecklist(transition.checklist),
      deal:
        transition.dealValueCents !== null && transition.closedAt !== null
          ? { value: Number(transition.dealValueCents) / 100, closedOn: transition.closedAt.toISOString().slice(0, 10) }
          : null,
      createdAt: transition.createdAt.toISOString(),
    })),
    assignments: lead.assignments.map((assignment) => ({
      id: assignment.id,
      from: assignment.fromOwner,
      to: assignment.toOwner,
      automatic: assignment.actor === null,
      actorName: assignment.actor?.name ?? ROUTING_ACTOR_NAME,
      rule: assignment.rule,
      createdAt: assignment.createdAt.toISOString(),
    })),
    activities: lead.notes.map(toLeadActivity),
    eventCount: lead._count.events,
  };
}

/** The lead as the board's move form and move action know it, for the lead page's stage actions. */
export function asBoardCard(lead: LeadDetails): BoardCard {
  return {
    id: lead.id,
    version: lead.version,
    name: lead.profile.name,
    email: lead.profile.email,
    company: lead.profile.company,
    stage: lead.stage,
    ownerId: lead.owner?.id ?? null,
    ownerName: lead.owner?.name ?? null,
    fitScore: lead.scores.fit,
    engagementScore: lead.scores.engagement,
    totalScore: lead.scores.total,
    probability: lead.probability?.probability ?? null,
    stageEnteredAt: lead.stageEnteredAt,
  };
}

function encodeCursor(cursor: TimelinePosition): string {
  return encodeKeysetCursor({ value: cursor.at.getTime(), id: cursor.id });
}

function decodeCursor(text: string): TimelinePosition {
  const position = decodeKeysetCursor(text);
  const at = position?.value ?? null;
  if (!position || at === null || !Number.isInteger(at) || at < 0) {
    throw new AppError("VALIDATION", "The timeline's page cursor is not valid; reload the page.", { before: "Invalid cursor." });
  }
  return { at: new Date(at), id: position.id };
}

function toTimelineEvent(event: TimelineEventRow): LeadEvent {
  const properties = parseStoredJson(event.properties);
  return { id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), source: event.source, properties: isPlainObject(properties) ? properties : {} };
}

const timeOf = (entry: TimelineEntry) => (entry.entry === "event" ? entry.event.occurredAt : entry.activity.createdAt);
const idOf = (entry: TimelineEntry) => (entry.entry === "event" ? entry.event.id : entry.activity.id);

// The queries' order, time then id, both descending; ids compare as SQLite compares text.
function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  const byTime = Date.parse(timeOf(b)) - Date.parse(timeOf(a));
  if (byTime !== 0) return byTime;
  return idOf(a) < idOf(b) ? 1 : idOf(a) > idOf(b) ? -1 : 0;
}

/**
 * One page of a lead's timeline, newest first: what the lead did (its events, by when they
 * happened) interleaved with what people logged on it (notes, calls, e-mails, meetings, by
 * when they were logged). The cursor is the last entry's time and id, so entries that share a
 * timestamp are neither skipped nor repeated between pages. Each source is read up to one
 * more than a page past the cursor; the newest of both together make the page.
 */
export async function listLeadTimeline(leadId: string, options: { before?: string; limit?: number } = {}): Promise<LeadTimelinePage> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? TIMELINE_PAGE_SIZE)), MAX_TIMELINE_PAGE_SIZE);
  const before = options.before ? decodeCursor(options.before) : null;
  const q = reads();
  const [events, notes] = await Promise.all([leadStore.timelineEvents(q, leadId, before, limit + 1), leadStore.timelineActivities(q, leadId, before, limit + 1)]);
  const merged: TimelineEntry[] = [
    ...events.map((event) => ({ entry: "event" as const, event: toTimelineEvent(event) })),
    ...notes.map((note) => ({ entry: "activity" as const, activity: toLeadActivity(note) })),
  ].sort(newestFirst);
  const entries = merged.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: merged.length > limit && last ? encodeCursor({ at: new Date(timeOf(last)), id: idOf(last) }) : null };
}
