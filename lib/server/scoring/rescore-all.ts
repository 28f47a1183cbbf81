import "server-only";
import type { RescoreSummary } from "@/lib/views/scoring";
import { TimeSlices } from "../jobs/time-slices";
import { activeRuleSet, scoreAndStoreLeads } from "./lead-scoring";
import { reads, transaction } from "../store/database";
import { ingestStore } from "../ingest/ingest-store";
import type { Tx } from "../store/transaction";

/** Where a re-score stands: leads are re-scored in id order, every id up to afterId is done. */
export type RescoreCheckpoint = { afterId: string; summary: RescoreSummary };
export type RescoreStep = RescoreCheckpoint & { total: number };

/**
 * Re-scores every lead with the active rules and today's decay, a slice of leads per
 * transaction, pausing between slices so the server keeps answering requests meanwhile.
 * `onStep` runs inside each slice's transaction (a job records its checkpoint there), and
 * `from` carries on from such a checkpoint after a restart. Scripts, which serve no requests,
 * pass `pauses: false`.
 */
export async function rescoreAllLeads(
  options: { from?: RescoreCheckpoint | null; onStep?: (tx: Tx, step: RescoreStep) => Promise<void>; pauses?: boolean } = {},
): Promise<RescoreSummary> {
  const total = await ingestStore.countLeads(reads());
  const summary: RescoreSummary = options.from ? { ...options.from.summary } : { leads: 0, movedToMql: 0, disqualified: 0, ruleSetVersion: (await activeRuleSet()).version };
  let afterId = options.from?.afterId ?? "";
  const slices = new TimeSlices(200, { min: 50, max: 2_000, pause: options.pauses ?? true });
  for (;;) {
    const processed = await slices.run((size) =>
      transaction(async (tx) => {
        const ruleSet = await activeRuleSet(tx);
        summary.ruleSetVersion = ruleSet.version;
        const leads = await ingestStore.leadsAfter(tx, afterId, size);
        if (leads.length === 0) return 0;
        const events = await ingestStore.eventsByLead(tx, leads.map((lead) => lead.id));
        const scored = await scoreAndStoreLeads(
          tx,
          leads.map((lead) => ({ lead, events: events.get(lead.id) ?? [] })),
          ruleSet,
          Date.now(),
        );
        for (const { moved } of scored) {
          if (moved?.to === "MQL") summary.movedToMql += 1;
          if (moved?.to === "DISQUALIFIED") summary.disqualified += 1;
        }
        afterId = leads[leads.length - 1].id;
        summary.leads += leads.length;
        await options.onStep?.(tx, { afterId, summary: { ...summary }, total: Math.max(total, summary.leads) });
        return leads.length;
      }),
    );
    if (processed === 0) break;
  }
  return summary;
}
