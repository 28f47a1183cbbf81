import type { RoutingRules } from "./workflow-settings";

/** A sales rep as routing sees them: active reps only, with their open SALs and last routed MQL. */
export type RepLoad = { id: string; openSals: number; lastRoutedAt: number | null };

export type RoutingDecision =
  | { repId: string; rule: string }
  | { repId: null; rule: string };

/** The eligible rep who has waited longest for an MQL; never-routed reps first, ties by id. */
function longestWaiting(reps: readonly RepLoad[]): RepLoad | undefined {
  let best: RepLoad | undefined;
  for (const rep of reps) {
    if (!best) best = rep;
    else {
      const a = rep.lastRoutedAt ?? -Infinity;
      const b = best.lastRoutedAt ?? -Infinity;
      if (a < b || (a === b && rep.id < best.id)) best = rep;
    }
  }
  return best;
}

/**
 * Picks the owner of a new MQL. Territories first (the first whose countries include the
 * lead's), round robin among that territory's reps; otherwise round robin among all active
 * reps. Reps at the open-SAL cap are skipped; when everyone eligible is at the cap the lead
 * stays unassigned, in the shared queue, and the rule says why.
 */
export function chooseRep(input: { country: string | null; rules: RoutingRules; reps: readonly RepLoad[] }): RoutingDecision {
  const { rules, reps } = input;
  const country = input.country?.trim().toUpperCase() ?? "";
  const territory = country ? rules.territories.find((candidate) => candidate.countries.includes(country)) : undefined;
  const pool = territory ? reps.filter((rep) => territory.repIds.includes(rep.id)) : reps;
  const label = territory ? `Territory ${territory.name}` : "Round robin";
  if (pool.length === 0) {
    return { repId: null, rule: territory ? `${label}: none of its reps is active` : "No active sales reps" };
  }
  const cap = rules.maxOpenSals;
  const eligible = cap === null ? pool : pool.filter((rep) => rep.openSals < cap);
  const rep = longestWaiting(eligible);
  if (!rep) return { repId: null, rule: `${label}: every rep has ${cap} open SALs (the cap)` };
  return { repId: rep.id, rule: cap === null ? label : `${label}, under the cap of ${cap} open SALs` };
}

/**
 * Routes several new MQLs in order, as if one at a time: each choice counts as the chosen rep's
 * latest routing, so a batch spreads over the reps exactly as single promotions would. Returns
 * the decisions and each chosen rep's new "last routed" time. Open SALs do not change here: a
 * routed MQL is not a SAL until the rep accepts it.
 */
export function routeLeads<L extends { id: string; country: string | null }>(
  leads: readonly L[],
  rules: RoutingRules,
  reps: readonly RepLoad[],
  now: number,
): { decisions: { lead: L; decision: RoutingDecision }[]; lastRoutedAt: Map<string, number> } {
  const loads = reps.map((rep) => ({ ...rep }));
  const lastRoutedAt = new Map<string, number>();
  // Strictly increasing within the batch, so the next lead sees this rep as the most recently routed.
  let clock = Math.max(now, ...loads.map((rep) => (rep.lastRoutedAt ?? 0) + 1));
  const decisions = leads.map((lead) => {
    const decision = chooseRep({ country: lead.country, rules, reps: loads });
    const chosen = decision.repId ? loads.find((rep) => rep.id === decision.repId) : undefined;
    if (chosen) {
      chosen.lastRoutedAt = clock;
      lastRoutedAt.set(chosen.id, clock++);
    }
    return { lead, decision };
  });
  return { decisions, lastRoutedAt };
}
