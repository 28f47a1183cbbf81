import type { LeadAttributes, ScoringEvent } from "../scoring/types";
import type { Stage } from "../stages";
import type { LabLead } from "./outcomes";
import { DAY_MS } from "../time";

/*
 * Test-only: synthetic lead histories with a planted signal, for the scoring-lab tests. Each lead
 * reaches SQL with a known chance, the logistic of PLANTED's effects, so the tests can check that
 * what the lab learns points the way the truth does. Seeded, so every run sees the same history.
 */

/** mulberry32: a small seeded PRNG, so the histories (and the figures on them) are repeatable. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Monday 6 January 2025, 00:00 UTC: the histories' day zero. */
export const T0 = Date.parse("2025-01-06T00:00:00Z");
export const day = (days: number) => T0 + days * DAY_MS;

/** The log-odds effects that decide a lead's chance of reaching SQL. Company size and page views are noise. */
export const PLANTED = {
  intercept: -1.5,
  industry: { Software: 1.2, Retail: 0, Manufacturing: 0, Education: -1.2, Aerospace: 0 } as Record<string, number>,
  seniority: { VP: 0.6, Manager: 0, Student: -1.0 } as Record<string, number>,
  demoRequest: 1.5,
};

/** Leads are created over this many days; `now` is 40 days after the last one. */
export const SPAN_DAYS = 600;

export type SyntheticHistory = {
  leads: LabLead[];
  now: number;
  /** Each lead's true chance of reaching SQL, by id. */
  chance: Map<string, number>;
};

function pick<T extends string>(random: () => number, weighted: ReadonlyArray<[T, number]>): T {
  let u = random();
  for (const [value, weight] of weighted) {
    if (u < weight) return value;
    u -= weight;
  }
  return weighted[weighted.length - 1][0];
}

/**
 * `count` leads created evenly over SPAN_DAYS. A positive lead reaches SQL 10–60 days after its
 * creation (and 40 % of those WON 20 days later); a negative one is LOST or DISQUALIFIED in the same
 * window, or (40 %) never moves and matures. Every event that carries signal happens in the first
 * 8 days, before any outcome; positives also get an `onboarding_call` 1–5 days after reaching SQL,
 * which predicts the outcome perfectly but only once it is known — a trap for leakage.
 */
export function syntheticHistory(count: number, seed: number): SyntheticHistory {
  const random = mulberry32(seed);
  const leads: LabLead[] = [];
  const chance = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const id = `lead-${String(i).padStart(5, "0")}`;
    const createdAt = Math.round(day((i * SPAN_DAYS) / count));
    // Every 400th lead is in a rare industry, too rare to learn from (support is at least 10 leads).
    const industry = i % 400 === 399 ? "Aerospace" : pick(random, [["Software", 0.3], ["Retail", 0.3], ["Manufacturing", 0.2], ["Education", 0.2]]);
    const seniority = pick(random, [["VP", 0.3], ["Manager", 0.5], ["Student", 0.2]]);
    const attributes: LeadAttributes = { email: `${id}@acme.example`, industry, seniority, companySize: Math.round(10 ** (1 + 2.5 * random())) };
    const events: ScoringEvent[] = [];
    const event = (type: string, at: number, properties: Record<string, unknown> = {}) =>
      events.push({ id: `${id}-e${events.length}`, type, occurredAt: new Date(Math.round(at)), properties });
    const demo = random() < 0.3;
    if (demo) event("demo_request", createdAt + random() * 8 * DAY_MS, { seats: 5 + Math.floor(random() * 50) });
    const views = Math.floor(random() * 6);
    for (let v = 0; v < views; v++) event("page_view", createdAt + random() * 8 * DAY_MS);
    const z = PLANTED.intercept + PLANTED.industry[industry] + PLANTED.seniority[seniority] + (demo ? PLANTED.demoRequest : 0);
    const p = 1 / (1 + Math.exp(-z));
    chance.set(id, p);
    const transitions: Array<{ toStage: Stage; at: number }> = [{ toStage: "MQL", at: createdAt + 9 * DAY_MS }];
    // Whole milliseconds, as stored times are: a fraction would put an event dated "at" the outcome before it.
    const decidedAt = Math.round(createdAt + (10 + random() * 50) * DAY_MS);
    if (random() < p) {
      transitions.push({ toStage: "SQL", at: decidedAt });
      if (random() < 0.4) transitions.push({ toStage: "WON", at: decidedAt + 20 * DAY_MS });
      event("onboarding_call", decidedAt + (1 + random() * 4) * DAY_MS);
    } else if (random() < 0.6) {
      transitions.push({ toStage: random() < 0.5 ? "LOST" : "DISQUALIFIED", at: decidedAt });
    }
    leads.push({ id, attributes, createdAt, transitions, events });
  }
  return { leads, now: day(SPAN_DAYS + 40), chance };
}
