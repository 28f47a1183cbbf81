import type { Histories } from "./history";
import { STAGE_CODE, firstEntryAt, inRange, reachedStage } from "./history";
import { medianDays, share } from "./stats";
import type { MetricsLead, SourceRow, TimeRange } from "./types";

export const NO_KEY = "(none)";

/**
 * Leads created in the range, grouped by a property of the lead (null: "(none)"): how many, how
 * many of them became MQL, SQL and won by now, SQL and won as shares of the leads, and the
 * median days from creation to (first) WON of the won ones. Imported history counts with its own
 * dates: the lead's creation as back-dated, the WON entry as it happened. Most leads first, then by name.
 */
function groupedBy(histories: Histories, range: TimeRange, keyOf: (lead: MetricsLead) => string | null): SourceRow[] {
  const rows = new Map<string, { row: SourceRow; toWon: number[] }>();
  for (let i = 0; i < histories.leads.length; i++) {
    if (!inRange(range, histories.createdAt[i])) continue;
    const key = keyOf(histories.leads[i]) ?? NO_KEY;
    let group = rows.get(key);
    if (!group) rows.set(key, (group = { row: { key, leads: 0, mql: 0, sql: 0, won: 0, sqlRate: null, wonRate: null, medianDaysToWon: null }, toWon: [] }));
    const { row } = group;
    row.leads++;
    if (reachedStage(histories, i, "MQL")) row.mql++;
    if (reachedStage(histories, i, "SQL")) row.sql++;
    if (reachedStage(histories, i, "WON")) {
      row.won++;
      group.toWon.push(firstEntryAt(histories, i, STAGE_CODE.WON)! - histories.createdAt[i]);
    }
  }
  return [...rows.values()]
    .map(({ row, toWon }) => ({ ...row, sqlRate: share(row.sql, row.leads), wonRate: share(row.won, row.leads), medianDaysToWon: medianDays(toWon) }))
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
