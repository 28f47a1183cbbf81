import "server-only";
import type { MetricsLead, MetricsTransition } from "@/lib/core/metrics/types";
import type { Stage } from "@/lib/core/stages";

/*
 * The dashboard's reads come back column by column (one JSON array per column, on either engine:
 * metrics-store.ts, postgres-metrics-store.ts); these turn the columns into rows.
 */

/** The leads, from their columns in LEAD_COLUMNS order. */
export function leadsOf(columns: unknown[][]): MetricsLead[] {
  const [id, createdAt, source, campaign, industry, country, companySize, ownerId, stage, totalScore, stageEnteredAt, firstEventAt] = columns;
  const leads: MetricsLead[] = new Array(id.length);
  for (let i = 0; i < id.length; i++) {
    leads[i] = {
      id: id[i] as string,
      createdAt: createdAt[i] as number,
      source: source[i] as string | null,
      campaign: campaign[i] as string | null,
      industry: industry[i] as string | null,
      country: country[i] as string | null,
      companySize: companySize[i] as number | null,
      ownerId: ownerId[i] as string | null,
      stage: stage[i] as Stage,
      totalScore: totalScore[i] as number,
      stageEnteredAt: stageEnteredAt[i] as number,
      firstEventAt: firstEventAt[i] as number | null,
    };
  }
  return leads;
}

/**
 * The transitions, from their columns in TRANSITION_COLUMNS order, with the k-th in time order
 * being row order[k]: each engine finds that order its own way (column 8 is what it goes by).
 */
export function transitionsOf(columns: unknown[][], order: ArrayLike<number>): MetricsTransition[] {
  const [leadId, fromStage, toStage, move, actorId, reason, reasonCode, at, , dealValueCents, closedAt] = columns as [
    string[],
    Stage[],
    Stage[],
    string[],
    (string | null)[],
    (string | null)[],
    (string | null)[],
    number[],
    unknown[],
    (number | null)[],
    (number | null)[],
  ];
  const transitions: MetricsTransition[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    transitions[k] = {
      leadId: leadId[i],
      fromStage: fromStage[i],
      toStage: toStage[i],
      move: move[i],
      actorId: actorId[i],
      reason: reason[i],
      reasonCode: reasonCode[i],
      at: at[i],
      dealValueCents: dealValueCents[i],
      closedAt: closedAt[i],
    };
  }
  return transitions;
}
