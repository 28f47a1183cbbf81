/*
 * What the webhooks page and API show: plain types shared by lib/server/webhooks/webhooks.ts,
 * which builds them, and the components and routes that render them.
 */

import type { WebhookEventType } from "@/lib/core/webhooks";

export type WebhookRow = {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
  createdByName: string | null;
  /** Since when every attempt has failed; null while it delivers. */
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
};

/** A new endpoint, with the secret that signs its deliveries: shown this once. */
export type CreatedWebhook = WebhookRow & { secret: string };

export type WebhookAttemptRow = { attemptedAt: string; statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null };

export type WebhookDeliveryRow = {
  id: string;
  eventType: string;
  leadId: string | null;
  /** What was sent: `{ type, timestamp, data }`. */
  body: Record<string, unknown>;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** Newest first. */
  attemptLog: WebhookAttemptRow[];
};

export type WebhookDeliveryPage = { deliveries: WebhookDeliveryRow[]; nextCursor: string | null };
