import "server-only";
import { z } from "zod";
import { WEBHOOK_DELIVERIES_PAGE_DEFAULT, WEBHOOK_DELIVERIES_PAGE_MAX, webhookInputSchema } from "@/lib/core/webhook-input";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/core/webhooks";
import type { OperationExample } from "./openapi-examples";
import { bodyErrors, errorResponse, json, jsonSchema, ref, scoped } from "./openapi-parts";

/*
 * The OpenAPI description of webhooks: the endpoints that manage them, and (under `webhooks`,
 * as OpenAPI 3.1 has it) what Leadgate sends. Merged into the document by openapi.ts.
 */

const isoTime = z.iso.datetime();

export const webhookSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  createdAt: isoTime,
  createdByName: z.string().nullable().describe("Who registered it in the app; null when registered with the API."),
  failingSince: isoTime.nullable().describe("Since when every attempt has failed; null while it delivers."),
  disabledAt: isoTime.nullable().describe("Set when every attempt failed for a day; no more deliveries until an admin enables it."),
  disabledReason: z.string().nullable(),
});

export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe("whsec_…: verifies each delivery's `webhook-signature` (Standard Webhooks). Given only in this answer."),
});

export const deliverySchema = z.strictObject({
  id: z.string().describe("msg_…: the `webhook-id` header, the same on every attempt and replay."),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  leadId: z.string().nullable(),
  body: z.record(z.string(), z.unknown()).describe("What is sent: { type, timestamp, data } (see `webhooks` for each type's data)."),
  status: z.enum(["pending", "delivered", "failed"]).describe("failed: no attempt succeeded within a day of the event; replay sends it again."),
  attempts: z.number().int(),
  createdAt: isoTime,
  nextAttemptAt: isoTime.nullable(),
  deliveredAt: isoTime.nullable(),
  attemptLog: z
    .array(
      z.strictObject({
        attemptedAt: isoTime,
        statusCode: z.number().int().nullable().describe("null when no answer came (refused, timed out, blocked address)."),
        latencyMs: z.number().int(),
        responseExcerpt: z.string().nullable().describe("The first 500 characters of the answer's body."),
        error: z.string().nullable(),
      }),
    )
    .describe("Newest first."),
});

const idParameter = { name: "id", in: "path", required: true, description: "The webhook's id.", schema: { type: "string" } };
const notFound = errorResponse("No webhook has this id.");
const eventList = WEBHOOK_EVENT_TYPES.map((type) => `\`${type}\` (${WEBHOOK_EVENT_LABELS[type].toLowerCase()})`).join(", ");

export const webhookPaths = {
  "/webhooks": {
    post: scoped("webhooks", {
      summary: "Register a webhook endpoint",
      description: `Leadgate POSTs each event the endpoint asks for: ${eventList}. The URL must be https and resolve to public addresses only. Each delivery is signed as Standard Webhooks specify; a failed one is tried again with growing waits, the first within 10 s, for a day. An endpoint whose every attempt fails for a day is disabled.`,
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(webhookInputSchema) } } },
      responses: {
        "201": json("Registered. Keep the secret: it is not shown again.", { type: "object", properties: { webhook: z.toJSONSchema(createdWebhookSchema) } }),
        "409": errorResponse("The workspace already has as many webhooks as it may."),
        ...bodyErrors(),
      },
    }),
    get: scoped("webhooks", {
      summary: "List webhook endpoints, newest first",
      responses: { "200": json("The endpoints, without their secrets.", { type: "object", properties: { webhooks: { type: "array", items: ref("Webhook") } } }) },
    }),
  },
  "/webhooks/{id}": {
    get: scoped("webhooks", {
      summary: "A webhook endpoint",
      parameters: [idParameter],
      responses: { "200": json("The endpoint.", { type: "object", properties: { webhook: ref("Webhook") } }), "404": notFound },
    }),
    delete: scoped("webhooks", {
      summary: "Delete a webhook endpoint",
      description: "With its deliveries: what was not yet sent is not sent.",
      parameters: [idParameter],
      responses: { "200": json("Deleted.", { type: "object", properties: { deleted: { type: "object", properties: { id: { type: "string" } } } } }), "404": notFound },
    }),
  },
  "/webhooks/{id}/deliveries": {
    get: scoped("webhooks", {
      summary: "An endpoint's deliveries, newest first, with each attempt",
      parameters: [
        idParameter,
        { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page." },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: WEBHOOK_DELIVERIES_PAGE_MAX, default: WEBHOOK_DELIVERIES_PAGE_DEFAULT } },
      ],
      responses: {
        "200": json("A page of deliveries.", { type: "object", properties: { deliveries: { type: "array", items: ref("WebhookDelivery") }, nextCursor: { type: ["string", "null"] } } }),
        "400": errorResponse("A query parameter is not valid."),
        "404": notFound,
      },
    }),
  },
  "/webhooks/{id}/deliveries/{deliveryId}/replay": {
    post: scoped("webhooks", {
      summary: "Send a delivery again",
      description: "Whatever became of it: it is due at once and goes out within seconds, with the same `webhook-id`. A replay of a delivery older than a day gets one attempt.",
      parameters: [idParameter, { name: "deliveryId", in: "path", required: true, schema: { type: "string" } }],
      responses: { "202": json("Queued.", { type: "object", properties: { delivery: ref("WebhookDelivery") } }), "404": errorResponse("No such webhook, or it has no such delivery.") },
    }),
  },
};

const leadInPayload = {
  type: "object",
  properties: {
    id: { type: "string" },
    email: { type: "string" },
    firstName: { type: "string" },
    lastName: { type: "string" },
    company: { type: ["string", "null"] },
    stage: { type: "string" },
    score: { type: "integer" },
    ownerId: { type: ["string", "null"] },
  },
};

const moveData = {
  from: { type: "string" },
  to: { type: "string" },
  move: { type: "string", description: "The funnel move, e.g. markMql, accept, qualify, sendBack." },
  actorId: { type: ["string", "null"], description: "Who moved it; null when the score did." },
  reason: { type: ["string", "null"] },
};

const EVENT_DATA: Record<(typeof WEBHOOK_EVENT_TYPES)[number], Record<string, unknown>> = {
  "lead.mql": moveData,
  "lead.stage_changed": moveData,
  "lead.sla_breached": { mqlSince: { type: "string", format: "date-time" }, slaHours: { type: "number" }, overdueMinutes: { type: "integer" } },
  "lead.score_changed": { from: { type: ["integer", "null"] }, to: { type: "integer" }, threshold: { type: "integer" }, direction: { enum: ["up", "down"] } },
};

/** What Leadgate sends, one entry per event type (OpenAPI 3.1 `webhooks`). */
export const webhookEvents = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    {
      post: {
        summary: WEBHOOK_EVENT_LABELS[type],
        description: "Signed with the endpoint's secret: headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`). Answer 2xx within 10 s; anything else is tried again.",
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { type: { const: type }, timestamp: { type: "string", format: "date-time" }, data: { type: "object", properties: { lead: leadInPayload, ...EVENT_DATA[type] } } } },
            },
          },
        },
        responses: { "200": { description: "Received." } },
      },
    },
  ]),
);

export const webhookSchemas = () => ({ Webhook: z.toJSONSchema(webhookSchema), WebhookDelivery: z.toJSONSchema(deliverySchema) });

const WEBHOOK_ID = "0193a1f2-7c4e-7d2a-9b1e-5f6a7b8c9d0e";
const DELIVERY_ID = "msg_0193a1f27c4e7d2a9b1e5f6a7b8c9d0f";
const webhook = {
  id: WEBHOOK_ID,
  url: "https://crm.example.com/leadgate-hooks",
  events: ["lead.mql", "lead.stage_changed"],
  createdAt: "2026-12-01T09:00:00.000Z",
  createdByName: null,
  failingSince: null,
  disabledAt: null,
  disabledReason: null,
};
const delivery = {
  id: DELIVERY_ID,
  eventType: "lead.mql",
  leadId: "cm4x7k2p90001lg8zq3v5t6w1",
  body: {
    type: "lead.mql",
    timestamp: "2026-12-01T10:15:00.000Z",
    data: {
      lead: { id: "cm4x7k2p90001lg8zq3v5t6w1", email: "ada.lovelace@analytical.example", firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines Ltd", stage: "MQL", score: 86, ownerId: "cm4x7k2p90009lg8zrep00001" },
      from: "LEAD",
      to: "MQL",
      move: "markMql",
      actorId: null,
      reason: "Score 86 (fit 52, engagement 34) reached the MQL threshold of 80 with fit at least 15 (scoring rules v1)",
    },
  },
  status: "delivered",
  attempts: 2,
  createdAt: "2026-12-01T10:15:00.000Z",
  nextAttemptAt: null,
  deliveredAt: "2026-12-01T10:15:05.000Z",
  attemptLog: [
    { attemptedAt: "2026-12-01T10:15:05.000Z", statusCode: 200, latencyMs: 84, responseExcerpt: '{"ok":true}', error: null },
    { attemptedAt: "2026-12-01T10:15:00.000Z", statusCode: 503, latencyMs: 31, responseExcerpt: "Service Unavailable", error: null },
  ],
};

export const WEBHOOK_EXAMPLES: Record<string, OperationExample> = {
  "POST /webhooks": {
    body: { url: webhook.url, events: webhook.events },
    response: { status: "201", body: { webhook: { ...webhook, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } } },
  },
  "GET /webhooks": { response: { status: "200", body: { webhooks: [webhook] } } },
  "GET /webhooks/{id}": { parameters: { id: WEBHOOK_ID }, response: { status: "200", body: { webhook } } },
  "DELETE /webhooks/{id}": { parameters: { id: WEBHOOK_ID }, response: { status: "200", body: { deleted: { id: WEBHOOK_ID } } } },
  "GET /webhooks/{id}/deliveries": { parameters: { id: WEBHOOK_ID, limit: "1" }, response: { status: "200", body: { deliveries: [delivery], nextCursor: null } } },
  "POST /webhooks/{id}/deliveries/{deliveryId}/replay": {
    parameters: { id: WEBHOOK_ID, deliveryId: DELIVERY_ID },
    response: { status: "202", body: { delivery: { ...delivery, status: "pending", nextAttemptAt: "2026-12-02T08:00:00.000Z" } } },
  },
};
