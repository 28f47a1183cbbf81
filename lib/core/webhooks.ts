/*
 * What Leadgate tells other systems, and how hard it tries. Each event goes to every endpoint that
 * asked for its type, as its own delivery (Standard Webhooks: the same `webhook-id` on every
 * attempt). A failed attempt is tried again with growing waits, the first within 10 s, for a day
 * after the event; an endpoint whose attempts have all failed for a day is disabled.
 */

export const WEBHOOK_EVENT_TYPES = ["lead.mql", "lead.stage_changed", "lead.sla_breached", "lead.score_changed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "lead.mql": "A lead becomes an MQL",
  "lead.stage_changed": "A lead moves to another stage",
  "lead.sla_breached": "An MQL passes the response SLA",
  "lead.score_changed": "A score crosses the MQL threshold",
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The stored comma-separated list as event types; unknown names are ignored. */
export function parseEventTypes(text: string): WebhookEventType[] {
  const names = text.split(",").map((name) => name.trim());
  return WEBHOOK_EVENT_TYPES.filter((type) => names.includes(type));
}

export function formatEventTypes(types: readonly WebhookEventType[]): string {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type)).join(",");
}

const HOUR_MS = 60 * 60 * 1_000;
/** How long an endpoint may fail every attempt before it is disabled. */
export const DISABLE_AFTER_FAILING_MS = 24 * HOUR_MS;

/** Whether an endpoint failing since `failingSince` should be disabled now. */
export function shouldDisable(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
}

/** Whether a score move crossed the MQL threshold, and which way; null when it did not. */
export function thresholdCrossing(before: number | null, after: number, threshold: number): "up" | "down" | null {
  const wasAbove = before !== null && before >= threshold;
  const isAbove = after >= threshold;
  if (wasAbove === isAbove) return null;
  return isAbove ? "up" : "down";
}

/** A 2xx answer is a delivery; anything else (redirects included) is a failure to try again. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/** The most of an answer's body kept with an attempt. */
export const RESPONSE_EXCERPT_CHARS = 500;
