import type { Stage } from "../../lib/core/stages";

/*
 * The demo history's planted truth (history.ts draws every past lead's ending from it).
 *
 * Whether a lead is won is drawn from a known logistic model, so the lab's figures can be
 * checked against the truth. Its log-odds, from what the lead was and did before sales qualified it
 * (or it was disqualified, or went quiet) — all of it before its outcome:
 *
 *   η = −2.9                                       (intercept: about 17 % of the past leads are won)
 *     + company size     1–49: −0.8 · 50–199: 0 · 200–999: +0.4 · 1,000+: +0.7
 *     + seniority        C-level / VP: +0.6 · Director: +0.4 · Manager: 0 · IC: −0.7 · Student: −3 (past students were all disqualified)
 *     + personal e-mail  −1.0
 *     + plan_interest    enterprise: +1.6 · team: +0.3 · starter: −0.7 · empty: 0   (custom field)
 *     + source           referral: +1.5 · partner: +1.3 · paid_search: −1.1 · content_syndication: −0.5 · other: 0
 *     + trial_started    +1.6 if any
 *     + demo_request     +1.1 if any
 *     + meeting_booked   +0.9 if any
 *     + contact_request  +0.7 if any
 *     + webinar_attended +0.2 if any
 *     + email_open       −0.03 per open (a habit of reading newsletters, not buying intent)
 *     + unsubscribe      −1.0 if any
 *   P(WON) = 1 / (1 + e^−η)
 *
 * Industry, revenue, page views, clicks, downloads and form fills have no effect at all, though
 * the default rules give them points; the default rules know nothing of plan_interest, the
 * source, trials or demo requests. So the default rules rank WON at an AUC of about 0.65 while a
 * model of this form reaches about 0.8 (`npx tsx --conditions=react-server scripts/check-demo-history.ts`).
 *
 * A lead that is not won reached SQL and was lost with probability 1 / (1 + e^−(η + 0.9)) (the same
 * signal: good leads get far even when they don't buy), so SQL is predictable too. The others were
 * disqualified (students always, personal addresses mostly) or stalled: never worked, or sent back
 * to nurture by sales. While sales work a qualified lead it keeps viewing pages and opening e-mails,
 * as much whether it is won or lost (no effect). Won leads go on to `onboarding_started` and
 * `user_invited` events after the win: realistic, and invisible to the lab, which only looks at
 * events before the outcome.
 */

const INTERCEPT = -2.9;
const SIZE_EFFECT = (size: number) => (size >= 1000 ? 0.7 : size >= 200 ? 0.4 : size >= 50 ? 0 : -0.8);
const SENIORITY_EFFECT: Record<string, number> = { "C-level": 0.6, VP: 0.6, Director: 0.4, Manager: 0, "Individual contributor": -0.7, Student: -3 };
const PLAN_EFFECT: Record<string, number> = { enterprise: 1.6, team: 0.3, starter: -0.7 };
const SOURCE_EFFECT: Record<string, number> = { referral: 1.5, partner: 1.3, paid_search: -1.1, content_syndication: -0.5 };
const EVENT_EFFECT: Record<string, number> = { trial_started: 1.6, demo_request: 1.1, meeting_booked: 0.9, contact_request: 0.7, webinar_attended: 0.2, unsubscribe: -1.0 };
const PER_EMAIL_OPEN = -0.03;
const PERSONAL_EMAIL_EFFECT = -1.0;
export const LOST_OFFSET = 0.9;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The planted truth: log-odds that the lead is won, from what it is and did before the outcome. */
export function trueWonLogOdds(lead: { companySize: number; seniority: string; personal: boolean; planInterest: string | null; source: string }, activity: Record<string, number>): number {
  let eta = INTERCEPT + SIZE_EFFECT(lead.companySize) + (SENIORITY_EFFECT[lead.seniority] ?? 0) + (lead.personal ? PERSONAL_EMAIL_EFFECT : 0);
  eta += lead.planInterest ? PLAN_EFFECT[lead.planInterest] : 0;
  eta += SOURCE_EFFECT[lead.source] ?? 0;
  for (const [type, effect] of Object.entries(EVENT_EFFECT)) if ((activity[type] ?? 0) > 0) eta += effect;
  eta += PER_EMAIL_OPEN * (activity.email_open ?? 0);
  return eta;
}

/** How likely a lead with log-odds η was to end the way it did, under the truth above (at most 1). */
export function likelihoodOf(stage: Stage, eta: number): number {
  const won = sigmoid(eta);
  const lostIfNotWon = sigmoid(eta + LOST_OFFSET);
  switch (stage) {
    case "WON":
      return won;
    case "LOST":
      // (1 − σ(η)) σ(η + 0.9) peaks at σ(0.45)² ≈ 0.375: scaled so the likeliest η is always kept.
      return ((1 - won) * lostIfNotWon) / 0.38;
    case "SQL":
      return 1 - (1 - won) * (1 - lostIfNotWon);
    case "DISQUALIFIED":
      return (1 - won) * (1 - lostIfNotWon);
    default:
      return 1; // still open: nothing is known yet
  }
}
