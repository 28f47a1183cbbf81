import "server-only";
import type { Tx } from "../store/transaction";
import { moveEvents, queueLeadEvents } from "../webhooks/webhook-outbox";
import type { TransitionRecord } from "./funnel-store";
import { funnelStore } from "./funnel-store";

/**
 * Records stage moves and queues the webhooks they make, in the moves' transaction. Called once
 * the moved leads are routed, so an MQL's event names its new owner.
 */
export async function recordMoves(tx: Tx, records: readonly TransitionRecord[]): Promise<void> {
  if (records.length === 0) return;
  await funnelStore.recordTransitions(tx, records);
  await queueLeadEvents(tx, records.flatMap(moveEvents));
}
