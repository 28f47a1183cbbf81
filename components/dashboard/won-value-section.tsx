import { formatDealValue } from "@/lib/core/deal";
import type { DealTally, WonValue } from "@/lib/core/metrics/types";
import { formatCount } from "./format";

type Row = DealTally & { key: string; name: string };

function WonValueTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Row[] }) {
  return (
    <div className="min-w-0 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="pb-1 text-left text-sm font-medium text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <th scope="col" className="px-2 py-2">
              {nameHeader}
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Deals
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Won value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-2 py-1.5 text-left font-medium text-slate-900">
                {row.name}
              </th>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(row.deals)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatDealValue(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the deals closed in the range were worth, by source and by rep, as recorded when each was marked won. */
export function WonValueSection({ wonValue, people }: { wonValue: WonValue; people: Record<string, string> }) {
  const bySource = wonValue.bySource.map((row) => ({ ...row, key: row.source, name: row.source }));
  const byRep = wonValue.byRep.map((row) => ({ ...row, key: row.repId ?? "", name: row.repId === null ? "Unassigned" : (people[row.repId] ?? "Unknown user") }));
  return (
    <section aria-labelledby="won-value-heading" data-testid="section-won-value" className="flex flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:col-span-2">
      <header className="px-5 pt-4">
        <h2 id="won-value-heading" className="text-base font-semibold text-slate-900">
          Won value
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Deals whose close date falls in the range and that are still won, with the value entered when each was marked won: by the lead&apos;s source and by its owner.
          {wonValue.withoutValue > 0 &&
            ` ${formatCount(wonValue.withoutValue)} ${wonValue.withoutValue === 1 ? "win" : "wins"} in the range had no value recorded (imported, or from before values were asked for) and are left out.`}
        </p>
      </header>
      <div className="flex-1 px-5 py-4">
        {wonValue.deals === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-6 py-8 text-center text-sm text-slate-500">No deal with a recorded value closed in this range.</p>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="won-value-total">
              <span className="text-2xl font-semibold tabular-nums text-slate-900">{formatDealValue(wonValue.value)}</span> from {formatCount(wonValue.deals)}{" "}
              {wonValue.deals === 1 ? "deal" : "deals"}
            </p>
            <div className="mt-3 grid gap-6 md:grid-cols-2">
              <WonValueTable caption="Won value by source" nameHeader="Source" rows={bySource} />
              <WonValueTable caption="Won value by rep" nameHeader="Rep" rows={byRep} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
