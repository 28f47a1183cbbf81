"use client";

import type { BulkRun } from "./use-bulk-runner";
import { Button } from "@/components/ui/button";
import { bulkResultsCsv } from "@/lib/core/bulk";

const SHOWN_REFUSALS = 20;
const numberFormat = new Intl.NumberFormat("en-US");

function downloadReport(run: BulkRun) {
  const csv = bulkResultsCsv(run.rows);
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: "bulk-action-results.csv" });
  link.click();
  URL.revokeObjectURL(url);
}

/** Progress while a bulk action runs, then what happened to every row. */
export function BulkResults({ run, onCancel, onDismiss }: { run: BulkRun; onCancel: () => void; onDismiss: () => void }) {
  const count = (status: string) => run.rows.filter((row) => row.status === status).length;
  const refused = run.rows.filter((row) => row.status === "refused");
  const percent = run.total === 0 ? 100 : Math.round((run.processed / run.total) * 100);

  if (run.running) {
    return (
      <div className="border-b border-slate-200 bg-brand-50 px-4 py-3 sm:px-6" role="status">
        <div className="flex items-center justify-between gap-4 text-sm">
          <p>
            {run.label}: {numberFormat.format(run.processed)} of {numberFormat.format(run.total)} leads…
          </p>
          <Button variant="secondary" onClick={onCancel}>
            Stop after this batch
          </Button>
        </div>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-white" role="progressbar" aria-label={run.label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>
    );
  }

  const unprocessed = run.total - run.processed;
  return (
    <section aria-label="Bulk action results" className="border-b border-slate-200 bg-white px-4 py-3 sm:px-6" data-testid="bulk-results">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <p className="font-medium text-slate-900" role="status">
          {run.label}: {numberFormat.format(count("done"))} done
          {count("unchanged") > 0 && `, ${numberFormat.format(count("unchanged"))} already so`}
          {refused.length > 0 && `, ${numberFormat.format(refused.length)} refused`}
          {unprocessed > 0 && `, ${numberFormat.format(unprocessed)} not processed`}.
        </p>
        {run.error && (
          <p role="alert" className="text-red-700">
            Stopped: {run.error}
          </p>
        )}
        {run.cancelled && <p className="text-slate-600">Stopped at your request; the remaining leads were not changed.</p>}
        <div className="ml-auto flex gap-2">
          {run.rows.length > 0 && (
            <Button variant="secondary" onClick={() => downloadReport(run)}>
              Download results (CSV)
            </Button>
          )}
          <Button variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      </div>
      {refused.length > 0 && (
        <ul className="mt-2 max-h-40 space-y-1 overflow-auto text-sm" aria-label="Refused leads">
          {refused.slice(0, SHOWN_REFUSALS).map((row) => (
            <li key={row.id} className="text-slate-700">
              <span className="font-medium">{row.name}</span>: {row.message}
            </li>
          ))}
          {refused.length > SHOWN_REFUSALS && <li className="text-slate-500">…and {numberFormat.format(refused.length - SHOWN_REFUSALS)} more in the results file.</li>}
        </ul>
      )}
    </section>
  );
}
