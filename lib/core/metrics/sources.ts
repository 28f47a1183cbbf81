import type { Histories } from "./history";
import { inRange, reachedStage } from "./history";
import { share } from "./stats";
import type { MetricsLead, SourceRow, TimeRange } from "./types";

export const NO_KEY = "(none)";

/**
 * Leads created in the range, grouped by a property of the lead (null: "(none)"): how many, how
 * many of them became MQL, SQL and won by now, and SQL and won as shares of the leads. Most
 * leads first, then by name.
 */
function groupedBy(histories: Histories, range: TimeRange, keyOf: (lead: MetricsLead) => string | null): SourceRow[] {
  const rows = new Map<string, SourceRow>();
  for (let i = 0; i < histories.leads.length; i++) {
    if (!inRange(range, histories.createdAt[i])) continue;
    const key = keyOf(histories.leads[i]) ?? NO_KEY;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, leads: 0, mql: 0, sql: 0, won: 0, sqlRate: null, wonRate: null }));
    row.leads++;
    if (reachedStage(histories, i, "MQL")) row.mql++;
    if (reachedStage(histories, i, "SQL")) row.sql++;
    if (reachedStage(histories, i, "WON")) row.won++;
  }
  return [...rows.values()]
    .map((row) => ({ ...row, sqlRate: share(row.sql, row.leads), wonRate: share(row.won, row.leads) }))
    .sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key));
}

/** Sources: leads created in the range by their source, with how far they got by now. */
export function sourceRows(histories: Histories, range: TimeRange): SourceRow[] {
  return groupedBy(histories, range, (lead) => lead.source);
}

/** Campaigns: leads created in the range by their first-touch campaign, with how far they got by now. */
export function campaignRows(histories: Histories, range: TimeRange): SourceRow[] {
  return groupedBy(histories, range, (lead) => lead.campaign);
}
