import type { Stage } from "../stages";
import type { Histories } from "./history";
import { groupByLead } from "./history";
import type { MetricsLead, MetricsTransition } from "./types";

/*
 * Small, explicit lead histories for the metrics tests: each lead is written out with its moves,
 * so the expected figures can be worked out by hand next to the assertions.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 2 November 2026, 00:00 UTC: the fixtures' day zero. */
export const T0 = Date.parse("2026-11-02T00:00:00Z");

/** T0 plus a number of days or hours (negative: before T0). */
export const day = (days: number) => T0 + days * DAY;
export const hour = (hours: number) => T0 + hours * HOUR;

type Details = Partial<Pick<MetricsTransition, "actorId" | "reason" | "reasonCode" | "dealValueCents" | "closedAt">>;
/** A move: the stage it went to, the move's name, when, and who/why. */
export type Step = [to: Stage, move: string, at: number, details?: Details];

export type LeadFixture = { lead: MetricsLead; transitions: MetricsTransition[] };

/** A lead created at `createdAt` that made the steps in order; its current stage and since when follow from them. */
export function leadWith(id: string, createdAt: number, steps: readonly Step[] = [], fields: Partial<MetricsLead> = {}): LeadFixture {
  let stage: Stage = "LEAD";
  let stageEnteredAt = createdAt;
  const transitions = steps.map(([to, move, at, details]): MetricsTransition => {
    const transition = { leadId: id, fromStage: stage, toStage: to, move, actorId: null, reason: null, reasonCode: null, at, ...details };
    stage = to;
    stageEnteredAt = at;
    return transition;
  });
  const lead: MetricsLead = {
    id,
    createdAt,
    source: null,
    campaign: null,
    industry: null,
    country: null,
    companySize: null,
    ownerId: null,
    stage,
    totalScore: 0,
    firstEventAt: null,
    stageEnteredAt,
    ...fields,
  };
  return { lead, transitions };
}

/** The leads and all their transitions in time order, as the data layer passes them. */
export function fixture(...fixtures: readonly LeadFixture[]): { leads: MetricsLead[]; transitions: MetricsTransition[] } {
  return {
    leads: fixtures.map((entry) => entry.lead),
    transitions: fixtures.flatMap((entry) => entry.transitions).sort((a, b) => a.at - b.at),
  };
}

export function historiesOf(...fixtures: readonly LeadFixture[]): Histories {
  return groupByLead(fixture(...fixtures));
}
