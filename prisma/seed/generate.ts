import { Faker, en } from "@faker-js/faker";
import type { Stage } from "../../lib/core/stages";
import type { Move } from "../../lib/core/funnel";
import { DISQUALIFICATION_REASONS } from "./demo-users";

// Deterministic demo data: the same seed and anchor date always give the same leads.

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export type GeneratedLead = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  seniority: string;
  phone: string;
  company: string;
  companySize: number;
  annualRevenue: number;
  industry: string;
  country: string;
  website: string | null;
  source: string;
  /** Custom fields as stored (JSON). */
  customFields: string;
  stage: Stage;
  ownerIndex: number | null;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  createdAt: Date;
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
  returnedAt: Date | null;
};

/** Routing gave the lead to a rep when it became MQL. */
export type GeneratedAssignment = { leadId: string; ownerIndex: number; createdAt: Date };
export type GeneratedEvent = { leadId: string; type: string; occurredAt: Date; properties: string; source: "seed" };
export type GeneratedTransition = {
  leadId: string;
  fromStage: Stage;
  toStage: Stage;
  move: Move;
  actor: "marketer" | "manager" | "owner" | "system";
  reason: string | null;
  reasonCode: string | null;
  checklist: string | null;
  createdAt: Date;
};

export const INDUSTRIES = ["Software", "Financial services", "Manufacturing", "Healthcare", "Retail", "Logistics", "Education", "Media", "Energy", "Public sector"];
export const COUNTRIES = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE", "ES", "IN"];
const SOURCES = ["website", "paid_search", "linkedin_ads", "webinar", "content_syndication", "trade_show", "referral", "partner"];
export const SENIORITY_TITLES: Array<[string, string[]]> = [
  ["C-level", ["Chief Revenue Officer", "Chief Technology Officer", "Chief Marketing Officer", "CEO"]],
  ["VP", ["VP Sales", "VP Marketing", "VP Engineering", "VP Operations"]],
  ["Director", ["Director of Demand Generation", "IT Director", "Director of Sales Operations", "Head of Growth"]],
  ["Manager", ["Marketing Manager", "Sales Operations Manager", "Product Manager", "Engineering Manager"]],
  ["Individual contributor", ["Marketing Specialist", "Account Executive", "Software Engineer", "Analyst"]],
  ["Student", ["Student", "Intern"]],
];
const EVENT_TYPES: Array<[string, number]> = [
  ["page_view", 40], ["email_open", 25], ["email_click", 10], ["content_download", 8], ["form_submit", 4],
  ["webinar_attended", 4], ["event_attended", 2], ["contact_request", 2], ["meeting_booked", 1], ["unsubscribe", 1], ["email_bounce", 1],
];
export const CONTENT = ["State of RevOps 2026 report", "Lead scoring playbook", "ROI calculator", "Buyer's guide", "Customer case study: Nordwind"];
export const PAGES = ["/pricing", "/product", "/customers", "/blog/lead-scoring", "/integrations", "/security"];
export const CAMPAIGNS = ["q3-revops-webinar", "spring-launch", "retargeting-eu", "partner-summit", "brand-search"];

// Final stages with their share of the demo funnel (the rest of each lead's path follows).
const OUTCOMES: Array<[Stage, number]> = [["LEAD", 52], ["MQL", 11], ["SAL", 9], ["SQL", 7], ["WON", 4], ["LOST", 5], ["DISQUALIFIED", 12]];
const PATHS: Record<Stage, Array<[Move, Stage]>> = {
  LEAD: [],
  MQL: [["markMql", "MQL"]],
  SAL: [["markMql", "MQL"], ["accept", "SAL"]],
  SQL: [["markMql", "MQL"], ["accept", "SAL"], ["qualify", "SQL"]],
  WON: [["markMql", "MQL"], ["accept", "SAL"], ["qualify", "SQL"], ["win", "WON"]],
  LOST: [["markMql", "MQL"], ["accept", "SAL"], ["qualify", "SQL"], ["lose", "LOST"]],
  DISQUALIFIED: [["disqualify", "DISQUALIFIED"]],
};
export const LOST_REASONS = ["Chose a competitor", "Project postponed", "Price too high", "No decision made"];
/** Why reps send leads back, each under one of the reject reasons every database starts with. */
export const SEND_BACK_REASONS = [
  { code: "not_ready", reason: "Not ready to talk yet, revisit next quarter" },
  { code: "no_project", reason: "Researching only, no project" },
  { code: "wrong_contact", reason: "Wrong contact, no buying role" },
];

/** A listed reject reason with its note, as a rep gives it. */
export function sendBack(faker: Faker): { reason: string; reasonCode: string } {
  const { code, reason } = faker.helpers.arrayElement(SEND_BACK_REASONS);
  return { reason, reasonCode: code };
}

export function weighted<T>(faker: Faker, options: Array<[T, number]>): T {
  return faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));
}

export function fitOf(lead: Pick<GeneratedLead, "companySize" | "seniority" | "industry">): number {
  let fit = 0;
  fit += lead.companySize >= 1000 ? 25 : lead.companySize >= 200 ? 18 : lead.companySize >= 50 ? 10 : 2;
  fit += { "C-level": 20, VP: 18, Director: 14, Manager: 8, "Individual contributor": 3, Student: -20 }[lead.seniority] ?? 0;
  fit += ["Software", "Financial services", "Manufacturing"].includes(lead.industry) ? 10 : 4;
  return fit;
}

export const ENGAGEMENT_POINTS: Record<string, number> = {
  page_view: 1, email_open: 1, email_click: 3, content_download: 8, form_submit: 10, webinar_attended: 12,
  event_attended: 15, contact_request: 25, meeting_booked: 30, unsubscribe: -15, email_bounce: -10,
};

export type Dataset = { leads: GeneratedLead[]; events: GeneratedEvent[]; transitions: GeneratedTransition[]; assignments: GeneratedAssignment[] };

/**
 * Generates `count` leads created over the `days` before `anchor`, each with events and the
 * stage transitions that brought it to where it is. `salesRepCount` owners are used round robin.
 */
export function generateDataset(options: { count: number; anchor: Date; days?: number; seed?: number; eventsPerLead?: [number, number]; idPrefix?: string }): Dataset {
  const { count, anchor, days = 90, seed = 20261124, eventsPerLead = [2, 14], idPrefix = "demo" } = options;
  const faker = new Faker({ locale: [en], seed });
  const leads: GeneratedLead[] = [];
  const events: GeneratedEvent[] = [];
  const transitions: GeneratedTransition[] = [];
  const assignments: GeneratedAssignment[] = [];
  const end = anchor.getTime();

  for (let index = 0; index < count; index++) {
    const id = `${idPrefix}${index.toString(36).padStart(6, "0")}`;
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const company = faker.company.name();
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`;
    const personal = faker.number.int(100) < 6;
    const [seniority, titles] = weighted(faker, SENIORITY_TITLES.map((entry, i) => [entry, [6, 12, 18, 28, 30, 6][i]]));
    const outcome = weighted(faker, OUTCOMES);
    const createdAt = new Date(end - faker.number.int({ min: 1, max: days * DAY }));
    const lead: GeneratedLead = {
      id,
      email: `${firstName}.${lastName}.${index}@${personal ? "mail.example" : domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ""),
      firstName,
      lastName,
      title: faker.helpers.arrayElement(titles),
      seniority,
      phone: faker.phone.number({ style: "international" }),
      company,
      companySize: faker.helpers.weightedArrayElement([{ value: 10, weight: 3 }, { value: 60, weight: 4 }, { value: 250, weight: 4 }, { value: 1200, weight: 3 }, { value: 8000, weight: 1 }]) + faker.number.int(40),
      annualRevenue: faker.number.int({ min: 1, max: 500 }) * 1_000_000,
      industry: faker.helpers.arrayElement(INDUSTRIES),
      country: faker.helpers.arrayElement(COUNTRIES),
      website: personal ? null : `https://www.${domain}`,
      source: faker.helpers.arrayElement(SOURCES),
      customFields: "{}",
      stage: outcome,
      ownerIndex: null,
      fitScore: 0,
      engagementScore: 0,
      totalScore: 0,
      createdAt,
      stageEnteredAt: createdAt,
      lastActivityAt: null,
      returnedAt: null,
    };
    lead.fitScore = fitOf(lead) + (personal ? -15 : 0);

    const path = PATHS[outcome];
    // Leads further down the funnel engaged more: more events, and weighted to stronger signals.
    const eventCount = faker.number.int({ min: eventsPerLead[0], max: eventsPerLead[1] }) + path.length * 2;
    let engagement = 0;
    let lastActivity = 0;
    const campaign = faker.helpers.arrayElement(CAMPAIGNS);
    for (let e = 0; e < eventCount; e++) {
      const type = weighted(faker, EVENT_TYPES);
      const occurredAt = new Date(faker.number.int({ min: createdAt.getTime(), max: end }));
      const properties =
        type === "content_download" ? { content: faker.helpers.arrayElement(CONTENT), campaign }
        : type === "page_view" ? { url: faker.helpers.arrayElement(PAGES) }
        : type.startsWith("email_") ? { campaign }
        : {};
      events.push({ leadId: id, type, occurredAt, properties: JSON.stringify(properties), source: "seed" });
      engagement += ENGAGEMENT_POINTS[type] ?? 0;
      lastActivity = Math.max(lastActivity, occurredAt.getTime());
    }
    lead.engagementScore = Math.max(0, Math.min(100, engagement + path.length * 12));
    lead.totalScore = lead.fitScore + lead.engagementScore;
    lead.lastActivityAt = lastActivity ? new Date(lastActivity) : null;

    let at = createdAt.getTime();
    let from: Stage = "LEAD";
    const ownerIndex = faker.number.int(1);
    let routedAt = at;
    for (const [move, to] of path) {
      at += faker.number.int({ min: 1, max: Math.max(1, Math.floor((end - at) / (path.length + 1))) });
      // Open MQLs are recent, as in a team that works its queue: most within the 24 h SLA, some past it.
      if (outcome === "MQL") at = Math.max(createdAt.getTime() + 1, end - faker.number.int({ min: HOUR, max: 30 * HOUR }));
      const checklist = move === "qualify" ? JSON.stringify({ budget: true, authority: true, need: true, timeline: true }) : null;
      const reasonCode = move === "disqualify" ? faker.helpers.arrayElement(DISQUALIFICATION_REASONS).code : null;
      const reason = move === "lose" ? faker.helpers.arrayElement(LOST_REASONS) : null;
      const actor = move === "markMql" ? (faker.number.int(3) === 0 ? "marketer" : "system") : move === "disqualify" ? "marketer" : "owner";
      transitions.push({ leadId: id, fromStage: from, toStage: to, move, actor, reason, reasonCode, checklist, createdAt: new Date(at) });
      if (move === "markMql") routedAt = at;
      from = to;
    }
    // Some leads in nurture were sent back once before: a realistic back-and-forth.
    // Only where there was time for it: history never runs past the anchor.
    if (outcome === "LEAD" && faker.number.int(9) === 0 && end - at > 2 * DAY) {
      const sentAt = at + faker.number.int({ min: DAY, max: Math.floor((end - at) / 2) });
      transitions.push({ leadId: id, fromStage: "LEAD", toStage: "MQL", move: "markMql", actor: "system", reason: null, reasonCode: null, checklist: null, createdAt: new Date(at + 1) });
      transitions.push({ leadId: id, fromStage: "MQL", toStage: "LEAD", move: "reject", actor: "owner", ...sendBack(faker), checklist: null, createdAt: new Date(sentAt) });
      at = sentAt;
      lead.returnedAt = new Date(sentAt);
    }
    lead.stageEnteredAt = new Date(Math.min(at, end));
    if (["MQL", "SAL", "SQL", "WON", "LOST"].includes(outcome)) {
      lead.ownerIndex = ownerIndex;
      assignments.push({ leadId: id, ownerIndex, createdAt: new Date(routedAt) });
    }
    leads.push(lead);
  }
  return { leads, events, transitions, assignments };
}
