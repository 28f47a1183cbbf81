import "server-only";
import { z } from "zod";
import { MAX_BATCH_EVENTS, STANDARD_EVENT_TYPES, eventInputSchema } from "@/lib/core/events";
import { leadInputSchema } from "@/lib/core/lead-input";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import type { DashboardMetrics } from "@/lib/core/metrics/types";
import { FUNNEL_STAGES } from "@/lib/core/metrics/types";
import { STAGES } from "@/lib/core/stages";
import { DEFAULT_RANGE_DAYS } from "../metrics/metrics";
import { withExamples } from "./openapi-examples";
import { bodyErrors, errorResponse, jsonSchema, scoped } from "./openapi-parts";
import { leadPredictionProperties, scoringLabPaths, scoringLabSchemas } from "./openapi-scoring";
import { trackingPaths } from "./openapi-tracking";
import { webhookEvents, webhookPaths, webhookSchemas } from "./openapi-webhooks";
import { LEAD_EVENTS_PAGE_DEFAULT, LEAD_EVENTS_PAGE_MAX, LEAD_PAGE_DEFAULT, LEAD_PAGE_MAX } from "./schemas";

const score = { type: "object", properties: { fit: { type: "integer" }, engagement: { type: "integer" }, total: { type: "integer" }, scoredAt: { type: ["string", "null"], format: "date-time" }, ruleSetVersion: { type: ["integer", "null"] }, ...leadPredictionProperties } };
const lead = {
  type: "object",
  required: ["id", "email", "stage", "score"],
  properties: {
    id: { type: "string" },
    email: { type: "string", format: "email" },
    ...Object.fromEntries(["firstName", "lastName", "title", "seniority", "phone", "company", "industry", "country", "website", "source", "ownerId"].map((key) => [key, { type: ["string", "null"] }])),
    companySize: { type: ["integer", "null"] },
    annualRevenue: { type: ["integer", "null"] },
    customFields: { type: "object" },
    stage: { type: "string", enum: [...STAGES] },
    score,
    stageEnteredAt: { type: "string", format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};
const eventResult = {
  type: "object",
  required: ["index", "status"],
  properties: {
    index: { type: "integer", description: "Position of the event in the request." },
    status: { type: "string", enum: ["created", "duplicate", "error"] },
    eventId: { type: "string" },
    leadId: { type: "string" },
    leadCreated: { type: "boolean" },
    stage: { type: "string", enum: [...STAGES] },
    score: { type: "object", properties: { fit: { type: "integer" }, engagement: { type: "integer" }, total: { type: "integer" } } },
    movedTo: { type: ["string", "null"], description: "The stage the scoring moved the lead to (MQL, DISQUALIFIED), if it did." },
    error: { $ref: "#/components/schemas/ErrorBody" },
  },
};
// A single event's answer has no position to report.
const { index: _index, ...singleEventProperties } = eventResult.properties;
const singleEventResult = { ...eventResult, required: ["status"], properties: singleEventProperties };

const count = z.int().nonnegative();
const share = z.number().min(0).max(1).nullable().describe("A share between 0 and 1; null when there is nothing to divide by.");
const durationStats = z.strictObject({ count, medianHours: z.number().nullable(), p90Hours: z.number().nullable() });
const speedToLeadStats = z.strictObject({
  answered: count,
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  within5Minutes: count.describe("Answered at most 5 minutes after the MQL entry."),
  withinHour: count.describe("Answered at most an hour after the MQL entry."),
  within5MinutesShare: share,
  withinHourShare: share,
});
const losses = z.strictObject({ count, reasons: z.array(z.strictObject({ reason: z.string(), count })) });
const conversionRow = z.strictObject({
  key: z.string().describe('The value, or "(none)".'),
  leads: count,
  mql: count,
  sql: count,
  won: count,
  sqlRate: share,
  wonRate: share,
  medianDaysToWon: z.number().nullable().describe("Of the won leads, the median days from creation to WON; null when none was won."),
});
const stageCounts = <const S extends readonly string[]>(stages: S) => z.strictObject(Object.fromEntries(stages.map((stage) => [stage, count])) as { [K in S[number]]: typeof count });

const dealTally = { deals: count, value: z.number().describe("The sum of the deals' values, as recorded when they were won (two decimals).") };
const wonValueSchema = z
  .strictObject({
    ...dealTally,
    withoutValue: count.describe("Wins in the range with no value recorded (imported, or from before values were asked for); left out of the sums."),
    bySource: z.array(z.strictObject({ source: z.string(), ...dealTally })),
    byRep: z.array(z.strictObject({ repId: z.string().nullable().describe("The lead's owner; null without one."), ...dealTally })),
  })
  .describe("Deals closed in the range (by the close date recorded when they were won) whose lead is still WON, by source and by owner, highest value first.");

/**
 * GET /metrics/funnel's answer, as the dashboard computes it (lib/core/metrics). It is checked
 * against DashboardMetrics here and against real answers in the integration tests.
 */
export const dashboardMetricsSchema = z.strictObject({
  range: z.strictObject({ from: z.iso.datetime(), to: z.iso.datetime().describe("Exclusive: the start of the day after the last day.") }),
  funnel: z
    .array(
      z.strictObject({
        stage: z.enum(FUNNEL_STAGES),
        entered: count.describe("Distinct leads that entered the stage in the range (LEAD: created or sent back in the range)."),
        advanced: count.nullable().describe("Of those, how many reached a later stage by now; null for WON."),
        conversion: share,
        losses: z
          .strictObject({
            sentBack: losses.describe("Returned to marketing by sales: rejected from MQL, recycled from SAL."),
            nurtured: losses.describe("Sent to nurture by marketing (from MQL)."),
            disqualified: losses,
            lost: losses,
          })
          .describe("Of those, how many left the funnel from this stage by now, by how, with the reasons."),
      }),
    )
    .describe("LEAD, MQL, SAL, SQL, WON in order."),
  mqlToSql: z
    .strictObject({ mqls: count, sql: count, conversion: share })
    .describe("The funnel's MQLs (leads that entered MQL in the range) and how many of them reached SQL by now, after that MQL entry."),
  velocity: z.strictObject({
    timeInStage: z.strictObject({ LEAD: durationStats, MQL: durationStats, SAL: durationStats, SQL: durationStats }).describe("Stints in each stage that ended in the range."),
    firstEventToMql: durationStats.describe("Leads whose first MQL entry is in the range: time since their earliest event."),
    mqlToSql: durationStats.describe("Entries into SQL in the range: time since the lead's latest MQL entry."),
    mqlToWon: durationStats.describe("Leads won in the range: time since their first MQL entry (leads that skipped MQL are left out)."),
    cycleTimes: z
      .array(z.strictObject({ from: z.enum(FUNNEL_STAGES), to: z.enum(FUNNEL_STAGES), ...durationStats.shape }))
      .describe("Every pair of funnel stages, earlier first (LEAD → MQL … SQL → WON): for leads that first entered `to` in the range after entering `from`, time since their first entry into `from` (LEAD: creation)."),
  }),
  sla: z.strictObject({
    slaHours: z.number(),
    mqls: count.describe("Entries into MQL in the range."),
    withinSla: count,
    late: count,
    waiting: count.describe("Not accepted or rejected (yet)."),
    withinSlaShare: share,
    overdueNow: count.describe("Leads in MQL right now for longer than the SLA, whatever the range."),
    byRep: z.array(z.strictObject({ repId: z.string().nullable(), mqls: count, withinSla: count, late: count, waiting: count, overdueNow: count })),
  }),
  speedToLead: z
    .strictObject({ ...speedToLeadStats.shape, byRep: z.array(z.strictObject({ repId: z.string().nullable(), ...speedToLeadStats.shape })).describe("By the person who answered, most answers first.") })
    .describe("Entries into MQL in the range that sales accepted or rejected, and the minutes from the entry to that answer (a tenth)."),
  sources: z.array(conversionRow).describe("Leads created in the range by source, with how far they got by now."),
  campaigns: z.array(conversionRow).describe("Leads created in the range by first-touch campaign (the `campaign` property of their earliest event naming one)."),
  reps: z.array(z.strictObject({ repId: z.string(), accepted: count, rejected: count, qualified: count, won: count, medianResponseHours: z.number().nullable() })).describe("Moves each person made in the range."),
  cohorts: z.array(z.strictObject({ month: z.string().describe("YYYY-MM (UTC)."), leads: count, reached: stageCounts(["MQL", "SAL", "SQL", "WON"] as const) })).describe("Leads created in the range by month, with the stages they reached by now."),
  trend: z.array(z.strictObject({ weekStart: z.string().describe("The week's Monday, YYYY-MM-DD (UTC)."), entered: stageCounts(FUNNEL_STAGES) })).describe("Distinct leads entering each stage per week."),
  calibration: z
    .array(z.strictObject({ label: z.string(), minScore: z.number(), maxScore: z.number(), leads: count, sql: count, sqlRate: share }))
    .describe("Leads created in the range in ten score bands (deciles), with how many became SQL."),
  wonValue: wonValueSchema,
}) satisfies z.ZodType<DashboardMetrics>;

const segmentParameter = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({ name, in: "query", description, schema });

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Leadgate API",
      version: "1.0.0",
      description:
        "Send leads and what they did; get back scores, stages and why. JSON only. Authenticate with `Authorization: Bearer <api key>`: admins create keys under API keys, each with the scopes it needs — `ingest` (send leads, events and history), `read` (read leads and metrics), `scoring` (the scoring lab), `webhooks` (register webhooks, see and replay their deliveries); a key without the scope an endpoint needs gets a 403. Errors are `{ \"error\": { \"code\", \"message\", \"details\"? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    // Every operation carries an example call and answer (openapi-examples.ts).
    paths: withExamples({
      "/leads": {
        post: scoped("ingest", {
          summary: "Create a lead, or update the one with the same e-mail",
          description: "Given fields are written (null clears one), others stay; custom fields are merged. The lead is re-scored.",
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(leadInputSchema) } } },
          responses: {
            "200": { description: "Updated.", content: { "application/json": { schema: { type: "object", properties: { lead, created: { const: false } } } } } },
            "201": { description: "Created.", content: { "application/json": { schema: { type: "object", properties: { lead, created: { const: true } } } } } },
            ...bodyErrors(),
          },
        }),
        get: scoped("read", {
          summary: "List leads, oldest change first; or find the lead with an e-mail",
          parameters: [
            { name: "email", in: "query", schema: { type: "string", format: "email" }, description: "Only the lead with this e-mail (any case): a page of one lead, or of none." },
            { name: "stage", in: "query", schema: { type: "string", enum: [...STAGES] } },
            { name: "minScore", in: "query", schema: { type: "integer" } },
            { name: "updatedSince", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: LEAD_PAGE_MAX, default: LEAD_PAGE_DEFAULT } },
          ],
          responses: {
            "200": { description: "A page of leads.", content: { "application/json": { schema: { type: "object", properties: { leads: { type: "array", items: lead }, nextCursor: { type: ["string", "null"] } } } } } },
            "400": errorResponse("A query parameter is not valid."),
          },
        }),
      },
      "/leads/{id}": {
        get: scoped("read", {
          summary: "One lead with its score explanation and stage history",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The lead.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      lead: {
                        allOf: [lead, { type: "object", properties: { explanation: { type: "object", properties: { contributions: { type: "array" }, flags: { type: "array" } } }, stageHistory: { type: "array" } } }],
                      },
                    },
                  },
                },
              },
            },
            "404": errorResponse("No such lead."),
          },
        }),
      },
      "/leads/{id}/events": {
        get: scoped("read", {
          summary: "A lead's events, newest first",
          description: "By when each happened, then by id; a page at a time, resumed with `nextCursor`.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: LEAD_EVENTS_PAGE_MAX, default: LEAD_EVENTS_PAGE_DEFAULT } },
          ],
          responses: {
            "200": {
              description: "A page of the lead's events.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      events: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            id: { type: "string" },
                            type: { type: "string" },
                            occurredAt: { type: "string", format: "date-time" },
                            source: { type: "string", description: "How it arrived: api, csv, manual, …" },
                            properties: { type: "object" },
                          },
                        },
                      },
                      nextCursor: { type: ["string", "null"] },
                    },
                  },
                },
              },
            },
            "400": errorResponse("A query parameter is not valid."),
            "404": errorResponse("No such lead."),
          },
        }),
      },
      "/events": {
        post: scoped("ingest", {
          summary: `Record one event, or a batch of up to ${MAX_BATCH_EVENTS}`,
          description: `Each event re-scores its lead in the same transaction. An unknown e-mail creates the lead. Idempotency keys belong to the API key that sends them: a repeated idempotencyKey from the same API key returns the first result and is never counted twice, reusing it for a different event is a conflict, and another API key's keys never answer or clash. Standard types: ${STANDARD_EVENT_TYPES.join(", ")}; other types are stored and scored when a rule names them.`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/EventInput" },
                    { type: "object", required: ["events"], additionalProperties: false, properties: { events: { type: "array", minItems: 1, maxItems: MAX_BATCH_EVENTS, items: { $ref: "#/components/schemas/EventInput" } } } },
                  ],
                },
              },
            },
          },
          responses: {
            "200": {
              description: "A batch was processed (each item answered in `results`), or a single event repeated an idempotency key.",
              content: { "application/json": { schema: { type: "object", properties: { results: { type: "array", items: eventResult }, summary: { type: "object" }, event: singleEventResult } } } },
            },
            "201": { description: "The event was stored and its lead re-scored.", content: { "application/json": { schema: { type: "object", properties: { event: singleEventResult } } } } },
            "404": errorResponse("A single event named a leadId that does not exist."),
            "409": errorResponse("The idempotency key was already used for a different event."),
            ...bodyErrors(),
          },
        }),
      },
      "/metrics/funnel": {
        get: scoped("read", {
          summary: "The manager dashboard's figures for a date range and segment",
          description: `Funnel (entered, conversion, losses with reasons), velocity, MQL response SLA, sources, first-touch campaigns, reps, monthly cohorts, weekly trend and score calibration — the numbers the Dashboard page shows. Days are UTC and both ends are included. Without \`to\` the range ends today; without \`from\` it is the ${DEFAULT_RANGE_DAYS} days ending on \`to\`. A range spans at most three years.`,
          parameters: [
            segmentParameter("from", `First day of the range, YYYY-MM-DD. Default: ${DEFAULT_RANGE_DAYS - 1} days before \`to\`.`, { type: "string", format: "date" }),
            segmentParameter("to", "Last day of the range, YYYY-MM-DD. Default: today (UTC).", { type: "string", format: "date" }),
            segmentParameter("source", "Only leads with this source."),
            segmentParameter("owner", 'Only leads owned by this user id, or "unassigned".'),
            segmentParameter("industry", "Only leads in this industry."),
            segmentParameter("country", "Only leads in this country."),
            segmentParameter("companySize", "Only leads whose company size is in this band.", { type: "string", enum: COMPANY_SIZE_BANDS.map((band) => band.id) }),
          ],
          responses: {
            "200": { description: "The figures.", content: { "application/json": { schema: { $ref: "#/components/schemas/DashboardMetrics" } } } },
            "400": errorResponse("A query parameter is not valid (e.g. not a real date, or `to` before `from`): `details` names it."),
          },
        }),
      },
      ...scoringLabPaths,
      ...webhookPaths,
      ...trackingPaths,
    }),
    webhooks: webhookEvents,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin." } },
      schemas: {
        EventInput: jsonSchema(eventInputSchema),
        DashboardMetrics: z.toJSONSchema(dashboardMetricsSchema),
        ErrorBody: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, details: {} } },
        Error: { type: "object", required: ["error"], properties: { error: { $ref: "#/components/schemas/ErrorBody" } } },
        ...scoringLabSchemas(),
        ...webhookSchemas(),
      },
    },
  };
}
