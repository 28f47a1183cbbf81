import "server-only";
import { z } from "zod";
import { MAX_BATCH_EVENTS, STANDARD_EVENT_TYPES, eventInputSchema } from "@/lib/core/events";
import { leadInputSchema } from "@/lib/core/lead-input";
import { STAGES } from "@/lib/core/stages";
import { LEAD_PAGE_DEFAULT, LEAD_PAGE_MAX } from "./schemas";

// Request bodies come from the same zod schemas the routes validate with, so they can't drift.
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const commonErrors = {
  "401": errorResponse("No API key, an unknown one, or a revoked one."),
  "429": { ...errorResponse("Too many requests for this key."), headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } },
};
const bodyErrors = {
  "400": errorResponse("Bad JSON, or validation failed: `details` maps each field path to its problem."),
  "413": errorResponse("The body is larger than 1 MB."),
  "415": errorResponse("The body is not sent as application/json."),
};

const score = { type: "object", properties: { fit: { type: "integer" }, engagement: { type: "integer" }, total: { type: "integer" }, scoredAt: { type: ["string", "null"], format: "date-time" }, ruleSetVersion: { type: ["integer", "null"] } } };
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

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Leadgate API",
      version: "1.0.0",
      description:
        "Send leads and what they did; get back scores, stages and why. JSON only. Authenticate with `Authorization: Bearer <api key>` (admins create keys under API keys). Errors are `{ \"error\": { \"code\", \"message\", \"details\"? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths: {
      "/leads": {
        post: {
          summary: "Create a lead, or update the one with the same e-mail",
          description: "Given fields are written (null clears one), others stay; custom fields are merged. The lead is re-scored.",
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(leadInputSchema) } } },
          responses: {
            "200": { description: "Updated.", content: { "application/json": { schema: { type: "object", properties: { lead, created: { const: false } } } } } },
            "201": { description: "Created.", content: { "application/json": { schema: { type: "object", properties: { lead, created: { const: true } } } } } },
            ...bodyErrors,
            ...commonErrors,
          },
        },
        get: {
          summary: "List leads, oldest change first",
          parameters: [
            { name: "stage", in: "query", schema: { type: "string", enum: [...STAGES] } },
            { name: "minScore", in: "query", schema: { type: "integer" } },
            { name: "updatedSince", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: LEAD_PAGE_MAX, default: LEAD_PAGE_DEFAULT } },
          ],
          responses: {
            "200": { description: "A page of leads.", content: { "application/json": { schema: { type: "object", properties: { leads: { type: "array", items: lead }, nextCursor: { type: ["string", "null"] } } } } } },
            "400": errorResponse("A query parameter is not valid."),
            ...commonErrors,
          },
        },
      },
      "/leads/{id}": {
        get: {
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
            ...commonErrors,
          },
        },
      },
      "/events": {
        post: {
          summary: `Record one event, or a batch of up to ${MAX_BATCH_EVENTS}`,
          description: `Each event re-scores its lead in the same transaction. An unknown e-mail creates the lead. A repeated idempotencyKey returns the first result and is never counted twice; reusing it for a different event is a conflict. Standard types: ${STANDARD_EVENT_TYPES.join(", ")}; other types are stored and scored when a rule names them.`,
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
              content: { "application/json": { schema: { type: "object", properties: { results: { type: "array", items: eventResult }, summary: { type: "object" }, event: eventResult } } } },
            },
            "201": { description: "The event was stored and its lead re-scored.", content: { "application/json": { schema: { type: "object", properties: { event: eventResult } } } } },
            "404": errorResponse("A single event named a leadId that does not exist."),
            "409": errorResponse("The idempotency key was already used for a different event."),
            ...bodyErrors,
            ...commonErrors,
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin." } },
      schemas: {
        EventInput: jsonSchema(eventInputSchema),
        ErrorBody: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, details: {} } },
        Error: { type: "object", required: ["error"], properties: { error: { $ref: "#/components/schemas/ErrorBody" } } },
      },
    },
  };
}
