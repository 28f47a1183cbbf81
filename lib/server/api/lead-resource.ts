import "server-only";
import { db } from "../db";
import { explainProbability, explainScore } from "../lead-scoring";
import { leadProfileSelect } from "../lead-select";
import type { Prisma } from "../generated/prisma/client";

export const apiLeadSelect = { ...leadProfileSelect, ownerId: true, updatedAt: true } satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof apiLeadSelect }>;

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/**
 * A lead as the API shows it: attributes, stage, owner and scores — with the active model's
 * probability and the factors that raised and lowered it (null without an active model).
 */
export async function apiLead(lead: LeadRow) {
  const { fitScore, engagementScore, totalScore, scoredAt, ruleSetVersion, probability, modelVersion, customFields, ...rest } = lead;
  const prediction = probability === null ? null : await explainProbability(lead.id);
  return {
    ...rest,
    customFields: parseObject(customFields),
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
  const lead = await db.lead.findUnique({ where: { id }, select: apiLeadSelect });
  return lead ? await apiLead(lead) : null;
}

/** One lead with why it scored what it did and how it moved through the funnel. */
export async function findApiLeadWithHistory(id: string) {
  const lead = await db.lead.findUnique({
    where: { id },
    select: {
      ...apiLeadSelect,
      scoreFlags: true,
      transitions: { orderBy: { createdAt: "asc" }, select: { fromStage: true, toStage: true, move: true, reason: true, reasonCode: true, createdAt: true, actor: { select: { id: true, name: true } } } },
    },
  });
  if (!lead) return null;
  const { scoreFlags, transitions, ...row } = lead;
  return {
    ...(await apiLead(row)),
    explanation: { contributions: (await explainScore(id))?.contributions ?? [], flags: parseObject(scoreFlags) },
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
