import "server-only";
import { randomBytes } from "node:crypto";
import type { WebhookEventType } from "@/lib/core/webhooks";
import { formatEventTypes, parseEventTypes } from "@/lib/core/webhooks";
import type { CreatedWebhook, WebhookDeliveryPage, WebhookDeliveryRow, WebhookRow } from "@/lib/views/webhooks";
import type { Cursor } from "../api/cursor";
import { encodeCursor } from "../api/cursor";
import { AppError } from "../errors";
import { resolvedUrlProblem } from "./webhook-address";
import type { DeliveryRow, EndpointRow } from "./webhook-store";
import { webhookStore } from "./webhook-store";

// 24 random bytes, as Standard Webhooks secrets are: whsec_ and their base64.
const SECRET_BYTES = 24;
/** The most endpoints one workspace keeps: each event is written once per endpoint. */
export const MAX_WEBHOOKS = 20;

function webhookRow(row: EndpointRow): WebhookRow {
  return {
    id: row.id,
    url: row.url,
    events: parseEventTypes(row.events),
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy?.name ?? null,
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
  };
}

function deliveryRow(row: DeliveryRow): WebhookDeliveryRow {
  return {
    id: row.id,
    eventType: row.eventType,
    leadId: row.leadId,
    body: JSON.parse(row.payload) as Record<string, unknown>,
    status: row.status === "delivered" || row.status === "failed" ? row.status : "pending",
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    attemptLog: row.attemptLog.map((attempt) => ({ ...attempt, attemptedAt: attempt.attemptedAt.toISOString() })),
  };
}

/** Registers an endpoint after checking its address (https, public); returns it with its new secret. */
export async function createWebhook(input: { url: string; events: readonly WebhookEventType[]; createdById: string | null }): Promise<CreatedWebhook> {
  const problem = await resolvedUrlProblem(input.url);
  if (problem) throw new AppError("VALIDATION", problem, { url: problem });
  const secret = `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`;
  const row = await webhookStore.insertEndpoint({ url: input.url, events: formatEventTypes(input.events), secret, createdById: input.createdById }, MAX_WEBHOOKS);
  if (!row) throw new AppError("CONFLICT", `A workspace has at most ${MAX_WEBHOOKS} webhooks; delete one you no longer use first.`);
  return { ...webhookRow(row), secret };
}

export async function listWebhooks(): Promise<WebhookRow[]> {
  return (await webhookStore.endpoints()).map(webhookRow);
}

export async function getWebhook(id: string): Promise<WebhookRow> {
  const row = await webhookStore.endpoint(id);
  if (!row) throw new AppError("NOT_FOUND", "This webhook no longer exists.");
  return webhookRow(row);
}

/** Deletes an endpoint with its deliveries: what was not yet sent is not sent. */
export async function deleteWebhook(id: string): Promise<void> {
  if (!(await webhookStore.deleteEndpoint(id))) throw new AppError("NOT_FOUND", "This webhook no longer exists.");
}

/** Turns a disabled endpoint back on; what waited for it is sent now. */
export async function enableWebhook(id: string, now: Date = new Date()): Promise<WebhookRow> {
  const row = await webhookStore.enable(id, now);
  if (!row) throw new AppError("NOT_FOUND", "This webhook no longer exists.");
  return webhookRow(row);
}

/** The endpoint's deliveries newest first, `limit` a page, with each one's attempts. */
export async function listDeliveries(endpointId: string, page: { after: Cursor | null; limit: number }): Promise<WebhookDeliveryPage> {
  if (!(await webhookStore.endpoint(endpointId))) throw new AppError("NOT_FOUND", "This webhook no longer exists.");
  const rows = await webhookStore.deliveries(endpointId, { after: page.after && { createdAt: new Date(page.after.at), id: page.after.id }, take: page.limit + 1 });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { deliveries: shown.map(deliveryRow), nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.createdAt.getTime(), id: last.id }) : null };
}

/** Sends a delivery again as soon as the dispatcher looks (within a second), whatever became of it. */
export async function replayDelivery(endpointId: string, deliveryId: string, now: Date = new Date()): Promise<WebhookDeliveryRow> {
  const row = await webhookStore.replay(endpointId, deliveryId, now);
  if (!row) throw new AppError("NOT_FOUND", "This webhook has no such delivery.");
  return deliveryRow(row);
}
