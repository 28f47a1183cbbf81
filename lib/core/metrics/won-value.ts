import type { Histories } from "./history";
import { STAGE_CODE, inRange } from "./history";
import { NO_KEY } from "./sources";
import type { DealTally, TimeRange, WonValue } from "./types";

/** Sums stay in whole cents, exact, until they are answered. */
type Tally = { deals: number; cents: number };

function add<K>(groups: Map<K, Tally>, key: K, cents: number) {
  const tally = groups.get(key) ?? { deals: 0, cents: 0 };
  tally.deals++;
  tally.cents += cents;
  groups.set(key, tally);
}

/** Highest value first, then most deals, then by name. */
function rowsOf<K extends string | null, F extends string>(groups: Map<K, Tally>, field: F): Array<DealTally & Record<F, K>> {
  return [...groups.entries()]
    .map(([key, tally]) => ({ [field]: key, deals: tally.deals, value: tally.cents / 100 }) as DealTally & Record<F, K>)
    .sort((a, b) => b.value - a.value || b.deals - a.deals || String(a[field] ?? "").localeCompare(String(b[field] ?? "")));
}

/**
 * The value of the deals closed in the range, by the lead's source and by its owner (the rep the
 * deal belongs to). A deal counts while its lead is WON, with the value and close date its latest
 * win recorded: a reopened lead no longer counts, and one won again counts once, as last won.
 * Wins without a value (imported history, wins from before values were asked for) are left out
 * and counted apart, by when they were made.
 */
export function wonValue(histories: Histories, range: TimeRange): WonValue {
  const bySource = new Map<string, Tally>();
  const byRep = new Map<string | null, Tally>();
  const total: Tally = { deals: 0, cents: 0 };
  let withoutValue = 0;
  for (let i = 0; i < histories.leads.length; i++) {
    const lead = histories.leads[i];
    const last = histories.first[i + 1] - 1;
    if (lead.stage !== "WON" || last < histories.first[i] || histories.toStage[last] !== STAGE_CODE.WON) continue;
    const { dealValueCents, closedAt, at } = histories.transitions[last];
    if (dealValueCents === null || dealValueCents === undefined || closedAt === null || closedAt === undefined) {
      if (inRange(range, at)) withoutValue++;
      continue;
    }
    if (!inRange(range, closedAt)) continue;
    total.deals++;
    total.cents += dealValueCents;
    add(bySource, lead.source ?? NO_KEY, dealValueCents);
    add(byRep, lead.ownerId, dealValueCents);
  }
  return { deals: total.deals, value: total.cents / 100, withoutValue, bySource: rowsOf(bySource, "source"), byRep: rowsOf(byRep, "repId") };
}
