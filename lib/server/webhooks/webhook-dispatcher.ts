import "server-only";
import { rolesWith } from "@/lib/core/permissions";
import { nextAttemptAt } from "@/lib/core/retries";
import { isDelivered, shouldDisable } from "@/lib/core/webhooks";
import { notify } from "../notifications/notifications";
import type { AttemptResult } from "./webhook-sender";
import { sendWebhook } from "./webhook-sender";
import type { ClaimedDelivery } from "./webhook-store";
import { webhookStore } from "./webhook-store";

/*
 * Sends what the outbox holds. Every instance looks each second; a delivery is taken by one of
 * them under a hold that outlasts an attempt, so it goes out once at a time, and one whose
 * instance died mid-attempt is taken again once the hold runs out (receivers deduplicate by
 * `webhook-id`, the same on every attempt).
 */

/** How often each instance looks for due deliveries. */
export const DISPATCH_INTERVAL_MS = 1_000;
const CLAIMED_AT_ONCE = 20;
const SENT_AT_ONCE = 4;
// Longer than an attempt's timeout (webhook-sender.ts) and the write after it.
const HOLD_MS = 60_000;
const DISABLED_REASON = "Every attempt failed for a day.";

/**
 * Sends the deliveries due at `now` (at most a claim's worth) and records each attempt; returns
 * how many it tried. `now` decides what is due and when retries fall; signatures carry the clock.
 */
export async function deliverDueWebhooks(now: Date = new Date()): Promise<number> {
  const claimed = await webhookStore.claimDue(now, new Date(now.getTime() + HOLD_MS), CLAIMED_AT_ONCE);
  const queue = [...claimed];
  const sender = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      const result = await sendWebhook(delivery.endpoint, { id: delivery.id, body: delivery.payload }, new Date());
      await settleAttempt(delivery, result, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENT_AT_ONCE, claimed.length) }, sender));
  return claimed.length;
}

/** Records an attempt and what follows from it: delivered, tried again later, given up; the endpoint failing or disabled. */
async function settleAttempt(delivery: ClaimedDelivery, result: AttemptResult, now: Date): Promise<void> {
  const attempts = delivery.attempts + 1;
  const { endpoint } = delivery;
  const attempt = { deliveryId: delivery.id, attemptedAt: now, ...result };
  if (isDelivered(result.statusCode)) {
    const outcome = { status: "delivered" as const, attempts, nextAttemptAt: null, deliveredAt: now };
    return webhookStore.settleAttempt(attempt, outcome, { id: endpoint.id, failing: endpoint.failingSince ? "cleared" : "unchanged", disable: null }, async () => {});
  }
  const next = nextAttemptAt(delivery.createdAt, attempts, now);
  const outcome = { status: next ? ("pending" as const) : ("failed" as const), attempts, nextAttemptAt: next, deliveredAt: null };
  const disable = shouldDisable(endpoint.failingSince, now) ? { at: now, reason: DISABLED_REASON } : null;
  await webhookStore.settleAttempt(attempt, outcome, { id: endpoint.id, failing: { since: now }, disable }, async (tx) => {
    const admins = await webhookStore.managers(tx, rolesWith("webhooks.manage"));
    await notify(tx, admins.map((userId) => ({ userId, kind: "webhook_disabled" as const, leadId: null, webhookId: endpoint.id, actorId: null })), now);
  });
}

const globalForDispatcher = globalThis as unknown as { leadgateWebhookDispatcher?: NodeJS.Timeout };

/** Looks for due deliveries each second in this process, one look at a time (server-start.ts). */
export function startWebhookDispatcher(): void {
  if (globalForDispatcher.leadgateWebhookDispatcher) return;
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      // A full claim means more are waiting: look again straight away.
      while ((await deliverDueWebhooks()) > 0);
    } catch (error) {
      console.error("Webhook deliveries failed", error);
    } finally {
      looking = false;
    }
  };
  globalForDispatcher.leadgateWebhookDispatcher = setInterval(() => void look(), DISPATCH_INTERVAL_MS);
  globalForDispatcher.leadgateWebhookDispatcher.unref();
}
