import "server-only";
import { parseStoredJson } from "@/lib/core/stored-json";
import { explainProbability, explainScore } from "../scoring/lead-scoring";
import type { ApiLeadRow } from "../leads/lead-store";
import { leadStore } from "../leads/lead-store";
import { reads } from "../store/database";
import { decodeCursor, encodeCursor } from "./cursor";
import type { LeadEventsQuery } from "./schemas";

/**
 * A lead as the API shows it: attributes, stage, owner and scores — with the active model's
 * probability and the factors that raised and lowered it (null without an active model).
 */
export async function apiLead(lead: ApiLeadRow) {
  const { fitScore, engagementScore, totalScore, scoredAt, ruleSetVersion, probability, modelVersion, customFields, ...rest } = lead;
  const prediction = probability === null ? null : await explainProbability(lead.id);
  return {
    ...rest,
    customFields: parseStoredJson(customFields, {}),
    score: {
      fit: fitScore,
      engagement: engagementScore,
      total: totalScore,
      scoredAt: scoredAt?.toISOString() ?? null,
      ruleSetVersion,
      probability,
      modelVersion,
      factors: prediction ? { raising: prediction.raising, lowering: prediction.lowering } : null,
    },
    stageEnteredAt: lead.stageEnteredAt.toISOString(),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export async function findApiLead(id: string) {
  const lead = await leadStore.apiLead(reads(), id);
  return lead ? await apiLead(lead) : null;
}

/** One lead with why it scored what it did and how it moved through the funnel. */
export async function findApiLeadWithHistory(id: string) {
  const lead = await leadStore.apiLeadWithHistory(reads(), id);
  if (!lead) return null;
  const { scoreFlags, transitions, ...row } = lead;
  return {
    ...(await apiLead(row)),
    explanation: { contributions: (await explainScore(id))?.contributions ?? [], flags: parseStoredJson(scoreFlags, {}) },
    stageHistory: transitions.map((transition) => ({
      from: transition.fromStage,
      to: transition.toStage,
      move: transition.move,
      actor: transition.actor ? { type: "user", id: transition.actor.id, name: transition.actor.name } : { type: "system" },
      reason: transition.reason,
      reasonCode: transition.reasonCode,
      at: transition.createdAt.toISOString(),
    })),
  };
}

/** A lead's events, newest first by when they happened (then by id), a page at a time; null when there is no such lead. */
export async function listLeadEvents(leadId: string, query: LeadEventsQuery) {
  const q = reads();
  const before = query.cursor ? decodeCursor(query.cursor) : null;
  if (!(await leadStore.exists(q, leadId))) return null;
  const rows = await leadStore.timelineEvents(q, leadId, before && { at: new Date(before.at), id: before.id }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      source: event.source,
      properties: parseStoredJson(event.properties, {}),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.occurredAt.getTime(), id: last.id }) : null,
  };
}
