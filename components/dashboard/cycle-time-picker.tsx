"use client";

import { useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import type { CyclePair } from "@/lib/core/metrics/cycle-times";
import { DEFAULT_CYCLE_PAIR, cyclePairOf, cycleTimeOf, laterStages } from "@/lib/core/metrics/cycle-times";
import type { CycleTime, FunnelStage } from "@/lib/core/metrics/types";
import { FUNNEL_STAGES } from "@/lib/core/metrics/types";
import { CYCLE_PARAMS } from "./dashboard-query";
import { formatCount, formatHours } from "./format";

const STAGE_NAMES: Record<FunnelStage, string> = { LEAD: "Created (LEAD)", MQL: "MQL", SAL: "SAL", SQL: "SQL", WON: "WON" };

const selectClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

const keyOf = (pair: CyclePair) => `${pair.from}-${pair.to}`;

/**
 * How long leads take from any funnel stage to any later one. Every pair is already computed, so
 * a choice only rewrites the URL (history.replaceState, which Next's router follows) instead of
 * asking the server for the whole dashboard again.
 */
export function CycleTimePicker({ times }: { times: readonly CycleTime[] }) {
  const params = useSearchParams();
  const id = useId();
  const inUrl = cyclePairOf(params.get(CYCLE_PARAMS.from), params.get(CYCLE_PARAMS.to));
  // The choice is shown at once: the router reports the rewritten URL a moment later, and a
  // select bound to the URL alone would snap back (and a quick second choice act on the old pair).
  // A URL changed elsewhere (back, forward) wins.
  const [shown, setShown] = useState({ urlKey: keyOf(inUrl), pair: inUrl });
  if (shown.urlKey !== keyOf(inUrl)) setShown({ urlKey: keyOf(inUrl), pair: inUrl });
  const pair = shown.urlKey === keyOf(inUrl) ? shown.pair : inUrl;
  const time = cycleTimeOf(times, pair);

  function choose(next: CyclePair) {
    setShown({ urlKey: keyOf(inUrl), pair: next });
    const query = new URLSearchParams(params);
    const isDefault = next.from === DEFAULT_CYCLE_PAIR.from && next.to === DEFAULT_CYCLE_PAIR.to;
    for (const side of ["from", "to"] as const) {
      if (isDefault) query.delete(CYCLE_PARAMS[side]);
      else query.set(CYCLE_PARAMS[side], next[side]);
    }
    const search = query.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }

  function chooseFrom(from: FunnelStage) {
    // The later stage stays when it still follows; WON follows every stage one can start from.
    choose({ from, to: laterStages(from).includes(pair.to) ? pair.to : "WON" });
  }

  return (
    <div role="group" aria-labelledby={`${id}-title`} data-testid="cycle-time">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        Cycle time between any two stages
      </h3>
      <div className="mt-2 grid grid-cols-2 gap-3 sm:max-w-sm">
        <div>
          <label htmlFor={`${id}-from`} className="block text-xs font-medium text-slate-600">
            From stage
          </label>
          <select id={`${id}-from`} value={pair.from} onChange={(event) => chooseFrom(event.target.value as FunnelStage)} className={selectClass}>
            {FUNNEL_STAGES.filter((stage) => laterStages(stage).length > 0).map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_NAMES[stage]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="block text-xs font-medium text-slate-600">
            To stage
          </label>
          <select id={`${id}-to`} value={pair.to} onChange={(event) => choose({ from: pair.from, to: event.target.value as FunnelStage })} className={selectClass}>
            {laterStages(pair.from).map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_NAMES[stage]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status" className="mt-3">
        {time.count === 0 ? (
          <p className="text-sm text-slate-600" data-testid="cycle-time-empty">
            No lead reached {pair.to} after {pair.from === "LEAD" ? "being created" : pair.from} in this range.
          </p>
        ) : (
          <dl className="grid grid-cols-3 gap-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Median</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="cycle-time-median">
                {formatHours(time.medianHours)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">90th percentile</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="cycle-time-p90">
                {formatHours(time.p90Hours)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Leads measured</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="cycle-time-count">
                {formatCount(time.count)}
              </dd>
            </div>
          </dl>
        )}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        From a lead&apos;s first entry into the earlier stage (or its creation) to its first entry into the later one after that, for leads that reached the later stage in the
        range. Leads that skipped the earlier stage are left out.
      </p>
    </div>
  );
}
