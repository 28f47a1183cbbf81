import "server-only";
import { z } from "zod";
import type { Contribution, RuleFlag } from "@/lib/core/scoring/types";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import { db } from "./db";
import { explainScore } from "./lead-scoring";
import { leadProfileSelect } from "./lead-select";
import { AppError } from "./errors";
import type { Prisma } from "./generated/prisma/client";

export type CustomFieldValue = string | number | boolean | null;

export type LeadProfile = {
  name: string;
  email: string;
  title: string | null;
  seniority: string | null;
  phone: string | null;
  company: string | null;
  companySize: number | null;
  annualRevenue: number | null;
  industry: string | null;
  country: string | null;
  website: string | null;
  source: string | null;
  customFields: Record<string, CustomFieldValue>;
};

export type LeadScores = { fit: number; engagement: number; total: number; scoredAt: string | null; ruleSetVersion: number | null };

/** A contribution with the date of the event behind it, when it came from one that still exists. */
export type ExplainedContribution = Contribution & { eventOccurredAt: string | null };

export type StageHistoryEntry = {
  id: string;
  fromStage: string;
  toStage: string;
  move: string;
  /** The person who made the move, or "Leadgate (automatic)" for a system move. */
  actorName: string;
  automatic: boolean;
  reason: string | null;
  reasonCode: string | null;
  reasonLabel: string | null;
  checklist: Record<string, boolean> | null;
  createdAt: string;
};

export type LeadNote = { id: string; body: string; authorName: string; createdAt: string };

export type LeadDetails = {
  id: string;
  version: number;
  stage: Stage;
  stageEnteredAt: string;
  createdAt: string;
  owner: { id: string; name: string } | null;
  profile: LeadProfile;
  scores: LeadScores;
  explanation: { contributions: ExplainedContribution[]; flags: RuleFlag[] };
  history: StageHistoryEntry[];
  notes: LeadNote[];
  eventCount: number;
};

export type LeadEvent = { id: string; type: string; occurredAt: string; source: string; properties: Record<string, unknown> };
export type LeadEventPage = { events: LeadEvent[]; nextCursor: string | null };

export const SYSTEM_ACTOR_NAME = "Leadgate (automatic)";
export const EVENT_PAGE_SIZE = 50;
const MAX_EVENT_PAGE_SIZE = 200;

const flagSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  action: z.enum(["flag", "disqualify"]),
  reasonCode: z.string(),
  reason: z.string(),
}) satisfies z.ZodType<RuleFlag>;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Stored JSON outlives the code that wrote it: a bad list or entry is skipped, never a broken page.
function parseList<T>(text: string, schema: z.ZodType<T>): T[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function parseCustomFields(text: string): Record<string, CustomFieldValue> {
  const value = parseJson(text);
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, field === null || ["string", "number", "boolean"].includes(typeof field) ? (field as CustomFieldValue) : JSON.stringify(field)]),
  );
}

function parseChecklist(text: string | null): Record<string, boolean> | null {
  const value = parseJson(text);
  if (!isPlainObject(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, answer]) => [key, answer === true]));
}

const detailsSelect = {
  ...leadProfileSelect,
  version: true,
  owner: { select: { id: true, name: true } },
  scoreFlags: true,
  transitions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { actor: { select: { name: true } } } },
  notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { author: { select: { name: true } } } },
  _count: { select: { events: true } },
} satisfies Prisma.LeadSelect;

// History keeps the label of a reason even after it is retired from the managed list.
async function reasonLabels(codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const reasons = await db.disqualificationReason.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, label: true } });
  return new Map(reasons.map((reason) => [reason.code, reason.label]));
}

/** Everything the lead page shows except the timeline, which pages on its own (listLeadEvents). */
export async function getLeadDetails(id: string): Promise<LeadDetails> {
  const lead = await db.lead.findUnique({ where: { id }, select: detailsSelect });
  if (!lead || !isStage(lead.stage)) throw new AppError("NOT_FOUND", "This lead doesn't exist, or was deleted.");

  // The explanation comes with the times of the events it read: no second query for them.
  const explained = explainScore(lead.id);
  const labels = await reasonLabels(lead.transitions.flatMap((transition) => (transition.reasonCode ? [transition.reasonCode] : [])));

  return {
    id: lead.id,
    version: lead.version,
    stage: lead.stage,
    stageEnteredAt: lead.stageEnteredAt.toISOString(),
    createdAt: lead.createdAt.toISOString(),
    owner: lead.owner,
    profile: {
      name: `${lead.firstName} ${lead.lastName}`.trim(),
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
    history: lead.transitions.map((transition) => ({
      id: transition.id,
      fromStage: transition.fromStage,
      toStage: transition.toStage,
      move: transition.move,
      actorName: transition.actor?.name ?? SYSTEM_ACTOR_NAME,
      automatic: transition.actorId === null,
      reason: transition.reason,
      reasonCode: transition.reasonCode,
      reasonLabel: transition.reasonCode ? (labels.get(transition.reasonCode) ?? transition.reasonCode) : null,
      checklist: parseChecklist(transition.checklist),
      createdAt: transition.createdAt.toISOString(),
    })),
    notes: lead.notes.map((note) => ({ id: note.id, body: note.body, authorName: note.author.name, createdAt: note.createdAt.toISOString() })),
    eventCount: lead._count.events,
  };
}

type EventCursor = { occurredAt: Date; id: string };

function encodeEventCursor(cursor: EventCursor): string {
  return `${cursor.occurredAt.getTime()}:${cursor.id}`;
}

function decodeEventCursor(value: string): EventCursor {
  const match = /^(\d+):([\w-]+)$/.exec(value);
  if (!match) throw new AppError("VALIDATION", "The timeline's page cursor is not valid; reload the page.", { before: "Invalid cursor." });
  return { occurredAt: new Date(Number(match[1])), id: match[2] };
}

/**
 * One page of a lead's timeline, newest first. The cursor is the last event's time and id,
 * so events that share a timestamp are neither skipped nor repeated between pages.
 */
export async function listLeadEvents(leadId: string, options: { before?: string; limit?: number } = {}): Promise<LeadEventPage> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? EVENT_PAGE_SIZE)), MAX_EVENT_PAGE_SIZE);
  const where: Prisma.EventWhereInput = { leadId };
  if (options.before) {
    const before = decodeEventCursor(options.before);
    where.OR = [{ occurredAt: { lt: before.occurredAt } }, { occurredAt: before.occurredAt, id: { lt: before.id } }];
  }
  const rows = await db.event.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, type: true, occurredAt: true, source: true, properties: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((event) => {
      const properties = parseJson(event.properties);
      return { id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), source: event.source, properties: isPlainObject(properties) ? properties : {} };
    }),
    nextCursor: rows.length > limit && last ? encodeEventCursor(last) : null,
  };
}
