import "server-only";
import { setImmediate as yieldToServer } from "node:timers/promises";
import { activeRuleSet, scoreAndStore } from "./lead-scoring";
import { countLeads, eventsByLead, inWriteTransaction, leadsAfter } from "./sql/sqlite-store";

const CHUNK = 1_000;

export type RescoreSummary = { leads: number; movedToMql: number; disqualified: number; ruleSetVersion: number };

/**
 * Re-scores every lead with the active rules and today's decay, a chunk of leads per
 * transaction, yielding between chunks so the server keeps answering requests meanwhile.
 */
export async function rescoreAllLeads(onProgress: (processed: number, total: number) => Promise<void> | void = () => {}): Promise<RescoreSummary> {
  const total = countLeads();
  const summary: RescoreSummary = { leads: 0, movedToMql: 0, disqualified: 0, ruleSetVersion: activeRuleSet().version };
  let afterId = "";
  for (;;) {
    const processed = inWriteTransaction(() => {
      const ruleSet = activeRuleSet();
      summary.ruleSetVersion = ruleSet.version;
      const leads = leadsAfter(afterId, CHUNK);
      const events = eventsByLead(leads.map((lead) => lead.id));
      const now = Date.now();
      for (const lead of leads) {
        const { moved } = scoreAndStore(lead, events.get(lead.id) ?? [], ruleSet, now);
        if (moved?.to === "MQL") summary.movedToMql += 1;
        if (moved?.to === "DISQUALIFIED") summary.disqualified += 1;
      }
      if (leads.length > 0) afterId = leads[leads.length - 1].id;
      return leads.length;
    });
    if (processed === 0) break;
    summary.leads += processed;
    await onProgress(summary.leads, Math.max(total, summary.leads));
    await yieldToServer();
  }
  return summary;
}
