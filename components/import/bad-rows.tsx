import { reasonBesideField } from "@/lib/core/csv-import";
import type { BadRow } from "@/lib/views/ingest";

const count = (value: number) => value.toLocaleString("en");

/** The first bad rows of a finished import, each with its line, the field at fault and why, and the download of them all. */
export function BadRows({ jobId, rows, total }: { jobId: string; rows: BadRow[]; total: number }) {
  if (total === 0) return null;
  return (
    <section aria-labelledby={`${jobId}-bad-rows`} className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${jobId}-bad-rows`} className="text-sm font-semibold text-slate-900">
          {rows.length < total ? `The first ${rows.length} of ${count(total)} bad rows` : total === 1 ? "The bad row" : `The ${count(total)} bad rows`}
        </h3>
        <a
          href={`/import/errors/${encodeURIComponent(jobId)}`}
          download
          className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          <span aria-hidden="true">↓</span> Download {count(total)} bad {total === 1 ? "row" : "rows"}
        </a>
      </div>
      <p className="mt-1 text-xs text-slate-600">The download has every bad row as it stood in the file, with its reason: fix them there and import that file.</p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Field
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Problem
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.line} data-testid="bad-row">
                <th scope="row" className="px-3 py-2 align-top font-mono text-xs font-normal text-slate-600">
                  {row.line}
                </th>
                <td className="whitespace-nowrap px-3 py-2 align-top font-medium text-slate-800">{row.field ?? "Whole row"}</td>
                <td className="min-w-[14rem] px-3 py-2 align-top text-red-800">{reasonBesideField(row.reason, row.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
