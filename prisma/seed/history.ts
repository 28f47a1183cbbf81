import { Faker, en } from "@faker-js/faker";
import { DEFAULT_SCORING_RULES } from "../../lib/core/scoring/default-rules";
import { scoreWithoutExplanation } from "../../lib/core/scoring/engine";
import type { LeadAttributes, ScoringEvent } from "../../lib/core/scoring/types";
import type { Move } from "../../lib/core/funnel";
import type { Stage } from "../../lib/core/stages";
import { settleAutomaticMoves } from "./automatic-moves";
import { DISQUALIFICATION_REASONS } from "./demo-users";
import { LOST_OFFSET, likelihoodOf, sigmoid, trueWonLogOdds } from "./planted-truth";
import type { Dataset, GeneratedEvent, GeneratedLead, GeneratedTransition } from "./generate";
import {
  CAMPAIGNS,
  CONTENT,
  COUNTRIES,
  DAY,
  ENGAGEMENT_POINTS,
  HOUR,
  INDUSTRIES,
  LOST_REASONS,
  PAGES,
  SEND_BACK_REASONS,
  SENIORITY_TITLES,
  sendBack,
  fitOf,
  generateDataset,
  weighted,
} from "./generate";

/*
 * A year of finished demo history for the scoring lab: leads created 100–450 days before the
 * anchor, each with what it did before its outcome, the stages it went through, and how it
 * ended — WON, LOST, DISQUALIFIED, or stalled in nurture with no outcome (the lab counts those
 * as negatives once they are 90 days old).
 *
 * Whether a lead is won is drawn from a known logistic model (planted-truth.ts), so the lab's
 * figures can be checked against the truth.
 *
 * The recent leads (generate.ts) keep their own stages and events; plantSignal below gives them
 * sources, plan interests, trials and demo requests that fit their outcomes under the same truth.
 */

export const HISTORY_MIN_AGE_DAYS = 100;
export const HISTORY_MAX_AGE_DAYS = 450;

const SOURCES: Array<[string, number]> = [
  ["website", 20], ["paid_search", 20], ["linkedin_ads", 13], ["webinar", 10], ["content_syndication", 12], ["trade_show", 7], ["referral", 9], ["partner", 9],
];
const CRMS: Array<[string, number]> = [["Salesforce", 35], ["HubSpot", 35], ["Pipedrive", 10], ["None", 20]];

// Activity while sales work a qualified lead, the same whether it is won or lost (mean counts); not in the truth.
const DURING_SALES: Array<[string, number]> = [["page_view", 1.5], ["email_open", 1], ["email_click", 0.4], ["content_download", 0.2]];

function poisson(faker: Faker, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = faker.number.float();
  while (p > limit) {
    k++;
    p *= faker.number.float();
  }
  return k;
}

function chance(faker: Faker, p: number): boolean {
  return faker.number.float() < p;
}

function between(faker: Faker, min: number, max: number): number {
  return min + faker.number.float() * (max - min);
}

type Step = { move: Move; to: Stage; atDay: number; actor: GeneratedTransition["actor"]; reasonCode?: string; reason?: string };
type Ending = "WON" | "LOST" | "DISQUALIFIED" | "STALLED";

/** The moves that brought a lead to its ending, in funnel order, as days after its creation. */
function journeyOf(faker: Faker, ending: Ending, lead: { seniority: string; personal: boolean; companySize: number }): Step[] {
  const mql = between(faker, 1, 20);
  const sal = mql + between(faker, 0.1, 3);
  const sql = sal + between(faker, 3, 25);
  const close = sql + between(faker, 10, 75);
  const markMql: Step = { move: "markMql", to: "MQL", atDay: mql, actor: chance(faker, 0.3) ? "marketer" : "system" };
  const accept: Step = { move: "accept", to: "SAL", atDay: sal, actor: "owner" };
  const qualify: Step = { move: "qualify", to: "SQL", atDay: sql, actor: "owner" };
  switch (ending) {
    case "WON":
      return [markMql, accept, qualify, { move: "win", to: "WON", atDay: close, actor: "owner" }];
    case "LOST":
      return [markMql, accept, qualify, { move: "lose", to: "LOST", atDay: close, actor: "owner", reason: faker.helpers.arrayElement(LOST_REASONS) }];
    case "DISQUALIFIED": {
      if (lead.seniority === "Student") return [{ move: "disqualify", to: "DISQUALIFIED", atDay: between(faker, 0.01, 1), actor: "system", reasonCode: "student" }];
      const reasonCode = lead.personal
        ? "personal_email"
        : faker.helpers.arrayElement(lead.companySize < 50 ? ["not_icp", "not_icp", "no_budget", "no_response"] : DISQUALIFICATION_REASONS.filter((r) => r.code !== "student" && r.code !== "personal_email").map((r) => r.code));
      const where = faker.number.float();
      if (where < 0.5) return [{ move: "disqualify", to: "DISQUALIFIED", atDay: between(faker, 2, 30), actor: "marketer", reasonCode }];
      if (where < 0.8) return [markMql, { move: "disqualify", to: "DISQUALIFIED", atDay: mql + between(faker, 0.2, 5), actor: "marketer", reasonCode }];
      return [markMql, accept, { move: "disqualify", to: "DISQUALIFIED", atDay: sal + between(faker, 3, 20), actor: "owner", reasonCode }];
    }
    case "STALLED": {
      const where = faker.number.float();
      if (where < 0.6) return [];
      if (where < 0.9) return [markMql, { move: "reject", to: "LEAD", atDay: mql + between(faker, 0.2, 3), actor: "owner", ...sendBack(faker) }];
      return [markMql, accept, { move: "recycle", to: "LEAD", atDay: sal + between(faker, 5, 30), actor: "owner", reason: faker.helpers.arrayElement(SEND_BACK_REASONS).reason }];
    }
  }
}

/** The lead's activity before its outcome: counts by type (what the truth above reads). */
function activityOf(faker: Faker, lead: { source: string; seniority: string }): Record<string, number> {
  const reader = faker.number.float();
  return {
    page_view: poisson(faker, 2.5),
    email_open: poisson(faker, reader < 0.5 ? 1 : reader < 0.85 ? 3 : 9),
    email_click: poisson(faker, 0.6),
    content_download: poisson(faker, 0.4),
    form_submit: poisson(faker, 0.2),
    webinar_attended: chance(faker, lead.source === "webinar" ? 0.8 : 0.15) ? 1 : 0,
    event_attended: chance(faker, lead.source === "trade_show" ? 0.8 : 0.06) ? 1 : 0,
    contact_request: chance(faker, 0.14) ? 1 : 0,
    meeting_booked: chance(faker, ["C-level", "VP", "Director"].includes(lead.seniority) ? 0.18 : 0.1) ? 1 : 0,
    demo_request: chance(faker, 0.14) ? 1 + (chance(faker, 0.2) ? 1 : 0) : 0,
    trial_started: chance(faker, 0.16) ? 1 : 0,
    unsubscribe: chance(faker, 0.05) ? 1 : 0,
    email_bounce: chance(faker, 0.03) ? 1 : 0,
  };
}

function propertiesOf(faker: Faker, type: string, campaign: string): Record<string, string> {
  switch (type) {
    case "page_view":
      return { url: faker.helpers.arrayElement(PAGES) };
    case "content_download":
      return { content: faker.helpers.arrayElement(CONTENT), campaign };
    case "email_open":
    case "email_click":
    case "email_bounce":
    case "unsubscribe":
      return { campaign };
    case "trial_started":
      return { plan: faker.helpers.arrayElement(["team", "business"]) };
    case "user_invited":
      return { role: faker.helpers.arrayElement(["marketer", "sales", "admin"]) };
    default:
      return {};
  }
}

/**
 * Generates `count` past leads created 100–450 days before `anchor`, with their events, stage
 * transitions and routing, all before the anchor. Deterministic for a seed and anchor; its own
 * random stream, so the recent demo leads are the same with or without it.
 */
export function generateHistory(options: { count: number; anchor: Date; seed?: number; idPrefix?: string }): Dataset {
  const { count, anchor, seed = 20261207, idPrefix = "hist" } = options;
  const faker = new Faker({ locale: [en], seed });
  const end = anchor.getTime();
  const dataset: Dataset = { leads: [], events: [], transitions: [], assignments: [] };

  for (let index = 0; index < count; index++) {
    const id = `${idPrefix}${index.toString(36).padStart(6, "0")}`;
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const company = faker.company.name();
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`;
    const personal = faker.number.int(100) < 6;
    const [seniority, titles] = weighted(faker, SENIORITY_TITLES.map((entry, i) => [entry, [6, 12, 18, 28, 30, 6][i]]));
    const companySize =
      faker.helpers.weightedArrayElement([{ value: 10, weight: 3 }, { value: 60, weight: 4 }, { value: 250, weight: 4 }, { value: 1200, weight: 3 }, { value: 8000, weight: 1 }]) + faker.number.int(40);
    const source = weighted(faker, SOURCES);
    // Bigger companies ask about the enterprise plan more often; some leads never said.
    const enterpriseWeight = companySize >= 1000 ? 35 : companySize >= 200 ? 25 : companySize >= 50 ? 15 : 8;
    const planInterest = chance(faker, 0.15) ? null : weighted<string>(faker, [["enterprise", enterpriseWeight], ["team", 45], ["starter", 55 - enterpriseWeight]]);
    const crm = weighted(faker, CRMS);
    const createdAt = end - Math.round(between(faker, HISTORY_MIN_AGE_DAYS, HISTORY_MAX_AGE_DAYS) * DAY);

    const activity = activityOf(faker, { source, seniority });
    const eta = trueWonLogOdds({ companySize, seniority, personal, planInterest, source }, activity);
    let ending: Ending;
    if (seniority === "Student") ending = "DISQUALIFIED";
    else if (chance(faker, sigmoid(eta))) ending = "WON";
    else if (chance(faker, sigmoid(eta + LOST_OFFSET))) ending = "LOST";
    else ending = chance(faker, personal ? 0.8 : 0.4) ? "DISQUALIFIED" : "STALLED";

    let steps = journeyOf(faker, ending, { seniority, personal, companySize });
    // Nothing runs past the anchor: a journey too long for the time left is compressed to end a day before it.
    const room = (end - DAY - createdAt) / DAY;
    const last = steps.length > 0 ? steps[steps.length - 1].atDay : 0;
    if (last > room) steps = steps.map((step) => ({ ...step, atDay: (step.atDay * room) / last }));
    // The outcome moment: the lab judges a stalled lead when it is 90 days old.
    const outcomeDay = ending === "STALLED" ? 90 : steps[steps.length - 1].atDay;

    const lead: GeneratedLead = {
      id,
      email: `${firstName}.${lastName}.h${index}@${personal ? "mail.example" : domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ""),
      firstName,
      lastName,
      title: faker.helpers.arrayElement(titles),
      seniority,
      phone: faker.phone.number({ style: "international" }),
      company,
      companySize,
      annualRevenue: faker.number.int({ min: 1, max: 500 }) * 1_000_000,
      industry: faker.helpers.arrayElement(INDUSTRIES),
      country: faker.helpers.arrayElement(COUNTRIES),
      website: personal ? null : `https://www.${domain}`,
      source,
      customFields: JSON.stringify(planInterest ? { plan_interest: planInterest, crm } : { crm }),
      stage: "LEAD",
      ownerIndex: null,
      fitScore: 0,
      engagementScore: 0,
      totalScore: 0,
      createdAt: new Date(createdAt),
      stageEnteredAt: new Date(createdAt),
      lastActivityAt: null,
      returnedAt: null,
    };
    lead.fitScore = fitOf(lead) + (personal ? -15 : 0);

    // Before the outcome: the activity drawn above, before sales qualified the lead (or it was
    // disqualified, or went quiet); between qualification and the close, the same for won and lost.
    const campaign = faker.helpers.arrayElement(CAMPAIGNS);
    const qualified = steps.find((step) => step.move === "qualify");
    const activeDays = Math.max(0.02, (qualified ? qualified.atDay : Math.min(outcomeDay, 85)) - 0.01);
    const events: GeneratedEvent[] = [];
    const add = (type: string, at: number) => events.push({ leadId: id, type, occurredAt: new Date(Math.round(at)), properties: JSON.stringify(propertiesOf(faker, type, campaign)), source: "seed" });
    for (const [type, n] of Object.entries(activity)) for (let k = 0; k < n; k++) add(type, createdAt + between(faker, 0, activeDays) * DAY);
    if (qualified) {
      const during = () => createdAt + between(faker, qualified.atDay, outcomeDay - 0.01) * DAY;
      for (const [type, mean] of DURING_SALES) for (let k = poisson(faker, mean); k > 0; k--) add(type, during());
    }
    // After it: won customers onboard; newsletters keep being opened. None of it may help the lab.
    const outcomeAt = createdAt + outcomeDay * DAY;
    const after = (fromDay: number, toDay: number) => outcomeAt + between(faker, fromDay, toDay) * DAY;
    const afterOutcome: Array<[string, number]> = [];
    if (ending === "WON") {
      afterOutcome.push(["onboarding_started", after(0.5, 7)]);
      for (let k = poisson(faker, 3); k > 0; k--) afterOutcome.push(["user_invited", after(2, 40)]);
      for (let k = poisson(faker, 4); k > 0; k--) afterOutcome.push(["page_view", after(1, 60)]);
    } else {
      for (let k = poisson(faker, 1); k > 0; k--) afterOutcome.push(["email_open", after(1, 90)]);
    }
    for (const [type, at] of afterOutcome) if (at < end) add(type, at);

    // Stages in funnel order, each later than the one before.
    let from: Stage = "LEAD";
    let previous = createdAt;
    const ownerIndex = faker.number.int(1);
    const transitions: GeneratedTransition[] = [];
    for (const step of steps) {
      const at = Math.max(previous + 60_000, Math.round(createdAt + step.atDay * DAY));
      transitions.push({
        leadId: id,
        fromStage: from,
        toStage: step.to,
        move: step.move,
        actor: step.actor,
        reason: step.reason ?? null,
        reasonCode: step.reasonCode ?? null,
        checklist: step.move === "qualify" ? JSON.stringify({ budget: true, authority: true, need: true, timeline: true }) : null,
        createdAt: new Date(at),
      });
      if (step.move === "markMql") dataset.assignments.push({ leadId: id, ownerIndex, createdAt: new Date(at) });
      from = step.to;
      previous = at;
    }

    // A stalled lead still in nurture whose score would make it an MQL again today was sent back
    // by sales once: otherwise re-scoring at set-up would promote a year-old lead into today's queue.
    if (ending === "STALLED" && transitions.length === 0 && meetsThresholdToday(lead, events, end)) {
      const mqlAt = createdAt + Math.round(between(faker, 5, 40) * DAY);
      const rejectAt = mqlAt + Math.round(between(faker, 2, 48) * HOUR);
      transitions.push(
        { leadId: id, fromStage: "LEAD", toStage: "MQL", move: "markMql", actor: "system", reason: null, reasonCode: null, checklist: null, createdAt: new Date(mqlAt) },
        { leadId: id, fromStage: "MQL", toStage: "LEAD", move: "reject", actor: "owner", ...sendBack(faker), checklist: null, createdAt: new Date(rejectAt) },
      );
      dataset.assignments.push({ leadId: id, ownerIndex, createdAt: new Date(mqlAt) });
    }

    const lastTransition = transitions[transitions.length - 1];
    lead.stage = lastTransition ? lastTransition.toStage : "LEAD";
    lead.stageEnteredAt = lastTransition ? lastTransition.createdAt : lead.createdAt;
    if (lead.stage === "LEAD" && lastTransition) lead.returnedAt = lastTransition.createdAt;
    if (lead.stage !== "LEAD" && transitions.some((transition) => transition.move === "markMql")) lead.ownerIndex = ownerIndex;
    let engagement = 0;
    let lastActivity = 0;
    for (const event of events) {
      engagement += ENGAGEMENT_POINTS[event.type] ?? 0;
      lastActivity = Math.max(lastActivity, event.occurredAt.getTime());
    }
    lead.engagementScore = Math.max(0, Math.min(100, engagement));
    lead.totalScore = lead.fitScore + lead.engagementScore;
    lead.lastActivityAt = lastActivity ? new Date(lastActivity) : null;

    dataset.leads.push(lead);
    dataset.events.push(...events);
    dataset.transitions.push(...transitions);
  }
  return dataset;
}

function meetsThresholdToday(lead: GeneratedLead, events: readonly GeneratedEvent[], now: number): boolean {
  const attributes: LeadAttributes = { ...lead, customFields: JSON.parse(lead.customFields) };
  const scoringEvents: ScoringEvent[] = events.map((event, index) => ({ id: String(index), type: event.type, occurredAt: event.occurredAt, properties: JSON.parse(event.properties) }));
  return scoreWithoutExplanation({ lead: attributes, events: scoringEvents, rules: DEFAULT_SCORING_RULES, now: new Date(now) }).meetsThreshold;
}

const MAX_DRAWS = 200;

/**
 * The recent demo leads (generate.ts) keep their stages, dates and events, which the live demo and
 * its tests rely on. What generate.ts doesn't draw — the source, the custom fields, trial and demo
 * requests — is drawn here, from its own random stream, to fit how each lead ended under the same
 * truth: candidate traits are drawn as for a past lead and kept with the probability the truth gives
 * the lead's outcome (rejection sampling), so recent outcomes tell the same story as the past ones.
 */
export function plantSignal(dataset: Dataset, options: { anchor: Date; seed?: number }): void {
  const faker = new Faker({ locale: [en], seed: options.seed ?? 20261208 });
  const end = options.anchor.getTime();
  const eventsOf = new Map<string, GeneratedEvent[]>();
  for (const event of dataset.events) {
    const list = eventsOf.get(event.leadId);
    if (list) list.push(event);
    else eventsOf.set(event.leadId, [event]);
  }
  const judgedAt = new Map<string, number>();
  for (const transition of dataset.transitions) {
    // The first of qualification or an exit: what the lead did before it decided how it ended.
    if (["SQL", "DISQUALIFIED", "LOST", "WON"].includes(transition.toStage)) {
      const at = transition.createdAt.getTime();
      judgedAt.set(transition.leadId, Math.min(at, judgedAt.get(transition.leadId) ?? Infinity));
    }
  }
  const added: GeneratedEvent[] = [];
  for (const lead of dataset.leads) {
    const createdAt = lead.createdAt.getTime();
    const before = judgedAt.get(lead.id) ?? end;
    const seen: Record<string, number> = {};
    for (const event of eventsOf.get(lead.id) ?? []) if (event.occurredAt.getTime() < before) seen[event.type] = (seen[event.type] ?? 0) + 1;
    const personal = lead.email.endsWith("@mail.example");
    let traits = { source: lead.source, planInterest: null as string | null, crm: "None", trial: 0, demo: 0 };
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const enterpriseWeight = lead.companySize >= 1000 ? 35 : lead.companySize >= 200 ? 25 : lead.companySize >= 50 ? 15 : 8;
      traits = {
        source: weighted(faker, SOURCES),
        planInterest: chance(faker, 0.15) ? null : weighted<string>(faker, [["enterprise", enterpriseWeight], ["team", 45], ["starter", 55 - enterpriseWeight]]),
        crm: weighted(faker, CRMS),
        trial: chance(faker, 0.16) ? 1 : 0,
        demo: chance(faker, 0.14) ? 1 + (chance(faker, 0.2) ? 1 : 0) : 0,
      };
      const eta = trueWonLogOdds(
        { companySize: lead.companySize, seniority: lead.seniority, personal, planInterest: traits.planInterest, source: traits.source },
        { ...seen, trial_started: traits.trial, demo_request: traits.demo },
      );
      if (faker.number.float() < likelihoodOf(lead.stage, eta)) break;
    }
    lead.source = traits.source;
    lead.customFields = JSON.stringify(traits.planInterest ? { plan_interest: traits.planInterest, crm: traits.crm } : { crm: traits.crm });
    const room = Math.max(1, before - createdAt - 1);
    const add = (type: string) => {
      const at = createdAt + Math.floor(faker.number.float() * room);
      added.push({ leadId: lead.id, type, occurredAt: new Date(at), properties: JSON.stringify(propertiesOf(faker, type, "")), source: "seed" });
      if (lead.lastActivityAt === null || lead.lastActivityAt.getTime() < at) lead.lastActivityAt = new Date(at);
    };
    for (let k = 0; k < traits.trial; k++) add("trial_started");
    for (let k = 0; k < traits.demo; k++) add("demo_request");
  }
  dataset.events.push(...added);
}

/**
 * The whole demo: `leadCount` recent leads over the last 90 days (the live funnel, generate.ts) with
 * the planted signal, then `historyCount` past leads with outcomes, their automatic moves made as
 * the scoring rules make them (automatic-moves.ts). Deterministic for an anchor.
 */
export function generateDemoDataset(options: { anchor: Date; leadCount: number; historyCount: number }): Dataset {
  const recent = generateDataset({ count: options.leadCount, anchor: options.anchor });
  plantSignal(recent, { anchor: options.anchor });
  const history = generateHistory({ count: options.historyCount, anchor: options.anchor });
  const dataset = {
    leads: [...recent.leads, ...history.leads],
    events: [...recent.events, ...history.events],
    transitions: [...recent.transitions, ...history.transitions],
    assignments: [...recent.assignments, ...history.assignments],
  };
  settleAutomaticMoves(dataset, { anchor: options.anchor });
  return dataset;
}
