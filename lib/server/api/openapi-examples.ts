import "server-only";
import { SCORING_EXAMPLES } from "./openapi-scoring-examples";
import { TRACKING_EXAMPLES } from "./openapi-tracking";
import { WEBHOOK_EXAMPLES } from "./openapi-webhooks";

/**
 * One example call per operation of the OpenAPI description: the path and query parameters, the
 * body, and a success answer. openapi.ts writes them into the document as OpenAPI `example`s, so
 * the API page and /api/v1/openapi.json show the same; an integration test checks each against
 * the endpoint's own schemas.
 */
export type OperationExample = {
  parameters?: Record<string, string>;
  body?: unknown;
  response: { status: string; body: unknown };
};

const LEAD_ID = "cm4x7k2p90001lg8zq3v5t6w1";
const REP_ID = "cm4x7k2p90000lg8zrep00001";
const OTHER_REP_ID = "cm4x7k2p90000lg8zrep00002";
const MQL_REASON = "Score 86 (fit 52, engagement 34) reached the MQL threshold of 80 with fit at least 15 (scoring rules v1)";

const lead = {
  id: LEAD_ID,
  email: "ada.lovelace@analytical.example",
  firstName: "Ada",
  lastName: "Lovelace",
  title: "VP Engineering",
  seniority: "VP",
  phone: "+44 20 7946 0018",
  company: "Analytical Engines Ltd",
  companySize: 250,
  annualRevenue: 40000000,
  industry: "Software",
  country: "GB",
  website: "https://analytical.example",
  source: "webinar",
  customFields: { plan_interest: "team" },
  stage: "MQL",
  ownerId: REP_ID,
  score: { fit: 52, engagement: 34, total: 86, scoredAt: "2026-11-24T09:30:01.000Z", ruleSetVersion: 1, probability: null, modelVersion: null, factors: null },
  stageEnteredAt: "2026-11-24T09:30:01.000Z",
  createdAt: "2026-11-02T14:05:00.000Z",
  updatedAt: "2026-11-24T09:30:01.000Z",
};

const stats = (count: number, medianHours: number | null, p90Hours: number | null) => ({ count, medianHours, p90Hours });
const none = { count: 0, reasons: [] };
const counts = (LEAD: number, MQL: number, SAL: number, SQL: number, WON: number) => ({ LEAD, MQL, SAL, SQL, WON });

const funnelMetrics = {
  range: { from: "2026-10-01T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" },
  funnel: [
    { stage: "LEAD", entered: 64, advanced: 22, conversion: 0.344, losses: { sentBack: none, nurtured: none, disqualified: { count: 5, reasons: [{ reason: "Student", count: 5 }] }, lost: none } },
    {
      stage: "MQL",
      entered: 22,
      advanced: 15,
      conversion: 0.682,
      losses: { sentBack: { count: 3, reasons: [{ reason: "Researching only, no project", count: 3 }] }, nurtured: { count: 1, reasons: [{ reason: "Not ready yet", count: 1 }] }, disqualified: none, lost: none },
    },
    { stage: "SAL", entered: 15, advanced: 9, conversion: 0.6, losses: { sentBack: { count: 2, reasons: [{ reason: "No budget this year", count: 2 }] }, nurtured: none, disqualified: none, lost: none } },
    { stage: "SQL", entered: 9, advanced: 4, conversion: 0.444, losses: { sentBack: none, nurtured: none, disqualified: none, lost: { count: 3, reasons: [{ reason: "Chose a competitor", count: 3 }] } } },
    { stage: "WON", entered: 4, advanced: null, conversion: null, losses: { sentBack: none, nurtured: none, disqualified: none, lost: none } },
  ],
  mqlToSql: { mqls: 22, sql: 9, conversion: 0.409 },
  velocity: {
    timeInStage: { LEAD: stats(40, 151.5, 420), MQL: stats(21, 9.5, 30.2), SAL: stats(12, 96, 240), SQL: stats(7, 310, 702) },
    firstEventToMql: stats(22, 170.2, 515),
    mqlToSql: stats(9, 120.5, 301),
    mqlToWon: stats(4, 812, 1190),
    cycleTimes: [{ from: "LEAD", to: "MQL", ...stats(22, 182, 530) }, { from: "MQL", to: "WON", ...stats(4, 812, 1190) }],
  },
  sla: {
    slaHours: 24,
    mqls: 22,
    withinSla: 17,
    late: 4,
    waiting: 1,
    withinSlaShare: 0.773,
    overdueNow: 0,
    byRep: [{ repId: REP_ID, mqls: 12, withinSla: 10, late: 2, waiting: 0, overdueNow: 0 }, { repId: OTHER_REP_ID, mqls: 10, withinSla: 7, late: 2, waiting: 1, overdueNow: 0 }],
  },
  speedToLead: {
    answered: 21,
    medianMinutes: 42.5,
    p90Minutes: 610,
    within5Minutes: 6,
    withinHour: 12,
    within5MinutesShare: 0.286,
    withinHourShare: 0.571,
    byRep: [
      { repId: REP_ID, answered: 12, medianMinutes: 18, p90Minutes: 240, within5Minutes: 5, withinHour: 8, within5MinutesShare: 0.417, withinHourShare: 0.667 },
      { repId: OTHER_REP_ID, answered: 9, medianMinutes: 95, p90Minutes: 720, within5Minutes: 1, withinHour: 4, within5MinutesShare: 0.111, withinHourShare: 0.444 },
    ],
  },
  sources: [{ key: "webinar", leads: 64, mql: 22, sql: 9, won: 4, sqlRate: 0.141, wonRate: 0.063, medianDaysToWon: 38.5 }],
  campaigns: [{ key: "q4-playbook", leads: 31, mql: 12, sql: 5, won: 2, sqlRate: 0.161, wonRate: 0.065, medianDaysToWon: 41 }],
  reps: [{ repId: REP_ID, accepted: 9, rejected: 2, qualified: 5, won: 3, medianResponseHours: 6.5 }],
  cohorts: [{ month: "2026-10", leads: 64, reached: { MQL: 22, SAL: 15, SQL: 9, WON: 4 } }],
  trend: [{ weekStart: "2026-09-28", entered: counts(14, 5, 3, 2, 1) }, { weekStart: "2026-10-05", entered: counts(17, 6, 4, 2, 1) }],
  calibration: [{ label: "0–19", minScore: 0, maxScore: 19, leads: 7, sql: 0, sqlRate: 0 }, { label: "95–141", minScore: 95, maxScore: 141, leads: 6, sql: 3, sqlRate: 0.5 }],
  wonValue: {
    deals: 4,
    value: 98000,
    withoutValue: 0,
    bySource: [{ source: "webinar", deals: 4, value: 98000 }],
    byRep: [{ repId: REP_ID, deals: 3, value: 74000 }, { repId: OTHER_REP_ID, deals: 1, value: 24000 }],
  },
};

export const OPERATION_EXAMPLES: Record<string, OperationExample> = {
  "POST /leads": {
    body: {
      email: "ada.lovelace@analytical.example",
      firstName: "Ada",
      lastName: "Lovelace",
      title: "VP Engineering",
      seniority: "VP",
      company: "Analytical Engines Ltd",
      companySize: 250,
      industry: "Software",
      country: "GB",
      source: "webinar",
      customFields: { plan_interest: "team" },
    },
    response: { status: "201", body: { lead: { ...lead, stage: "LEAD", ownerId: null, score: { ...lead.score, engagement: 0, total: 52 } }, created: true } },
  },
  "GET /leads": {
    parameters: { stage: "MQL", minScore: "60", limit: "50" },
    response: { status: "200", body: { leads: [lead], nextCursor: "WzE3OTU1MTI2MDEwMDAsImNtNHg3azJwOTAwMDFsZzh6cTN2NXQ2dzEiXQ" } },
  },
  "GET /leads/{id}/events": {
    parameters: { id: LEAD_ID, limit: "2" },
    response: {
      status: "200",
      body: {
        events: [
          { id: "cm4x7k2p90002lg8zevent002", type: "webinar_attended", occurredAt: "2026-11-25T16:00:00.000Z", source: "api", properties: { webinar: "Pipeline hygiene" } },
          { id: "cm4x7k2p90002lg8zevent001", type: "content_download", occurredAt: "2026-11-24T09:30:00.000Z", source: "api", properties: { asset: "buyers-guide.pdf" } },
        ],
        nextCursor: "WzE3OTU1MTI2MDAwMDAsImNtNHg3azJwOTAwMDJsZzh6ZXZlbnQwMDEiXQ",
      },
    },
  },
  "GET /leads/{id}": {
    parameters: { id: LEAD_ID },
    response: {
      status: "200",
      body: {
        lead: {
          ...lead,
          explanation: {
            contributions: [
              { ruleId: "seniority-vp", ruleLabel: "VP", kind: "fit", points: 18, reason: 'Seniority is "VP"' },
              { ruleId: "content-download", ruleLabel: "Content download", kind: "engagement", points: 8, reason: "content_download on 24 Nov 2026", eventId: "cm4x7k2p90002lg8zevent001" },
            ],
            flags: [],
          },
          stageHistory: [{ from: "LEAD", to: "MQL", move: "markMql", actor: { type: "system" }, reason: MQL_REASON, reasonCode: null, at: "2026-11-24T09:30:01.000Z" }],
        },
      },
    },
  },
  "POST /events": {
    body: {
      email: "ada.lovelace@analytical.example",
      type: "content_download",
      occurredAt: "2026-11-24T09:30:00Z",
      properties: { content: "Lead scoring playbook", campaign: "q4-playbook" },
      idempotencyKey: "website-download-4711",
    },
    response: {
      status: "201",
      body: { event: { status: "created", eventId: "cm4x7k2p90002lg8zevent001", leadId: LEAD_ID, leadCreated: false, stage: "MQL", score: { fit: 52, engagement: 34, total: 86 }, movedTo: "MQL" } },
    },
  },
  "GET /metrics/funnel": { parameters: { from: "2026-10-01", to: "2026-10-31", source: "webinar" }, response: { status: "200", body: funnelMetrics } },
  ...SCORING_EXAMPLES,
  ...WEBHOOK_EXAMPLES,
  ...TRACKING_EXAMPLES,
};

type Parameter = { name: string } & Record<string, unknown>;
type Content = Record<string, Record<string, unknown>>;
type Operation = { parameters?: Parameter[]; requestBody?: { content: Content }; responses: Record<string, { content?: Content }> };

/** The operations with their examples written in as OpenAPI `example`s (JSON bodies, parameters). */
export function withExamples<P extends Record<string, Record<string, unknown>>>(paths: P): P {
  return Object.fromEntries(
    Object.entries(paths).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([method, operation]) => [method, exampled(operation as Operation, OPERATION_EXAMPLES[`${method.toUpperCase()} ${path}`])])),
    ]),
  ) as P;
}

function exampled(operation: Operation, example: OperationExample | undefined): Operation {
  if (!example) return operation;
  const withJson = (content: Content | undefined, value: unknown) => (content?.["application/json"] ? { ...content, "application/json": { ...content["application/json"], example: value } } : content);
  const answer = operation.responses[example.response.status];
  return {
    ...operation,
    ...(operation.parameters && { parameters: operation.parameters.map((parameter) => (example.parameters?.[parameter.name] === undefined ? parameter : { ...parameter, example: example.parameters[parameter.name] })) }),
    ...(operation.requestBody && example.body !== undefined && { requestBody: { ...operation.requestBody, content: withJson(operation.requestBody.content, example.body)! } }),
    responses: { ...operation.responses, ...(answer && { [example.response.status]: { ...answer, content: withJson(answer.content, example.response.body) } }) },
  };
}
