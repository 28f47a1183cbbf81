"use client";

import type { ColumnMapping, ImportKind, RowProblem } from "@/lib/core/csv-import";
import { targetLabel } from "@/lib/core/csv-import";

type Props = { kind: ImportKind; mapping: ColumnMapping; rows: ReadonlyArray<{ line: number; cells: readonly string[]; problem: RowProblem | null }>; totalRows: number };

/** The first rows as they would be imported: only mapped columns, each row marked ready or with its problem. */
export function PreviewTable({ kind, mapping, rows, totalRows }: Props) {
  const columns = mapping.flatMap((target, index) => (target ? [{ index, target }] : []));
  const bad = rows.filter((row) => row.problem).length;
  return (
    <div>
      <p className="text-sm text-slate-600" data-testid="preview-summary">
        {bad === 0
          ? `The first ${rows.length} of ${totalRows.toLocaleString("en")} rows are ready to import.`
          : `${rows.length - bad} of the first ${rows.length} rows are ready; ${bad} ${bad === 1 ? "has a problem and" : "have problems and"} won't be imported, but reported.`}
      </p>
      <div className="mt-3 max-h-[28rem] overflow-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Preview of the first {rows.length} rows</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Line</th>
              <th scope="col" className="px-3 py-2 font-medium">Check</th>
              {columns.map(({ index, target }) => (
                <th key={index} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                  {targetLabel(kind, target)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.line} data-testid="preview-row" className={row.problem ? "bg-red-50/60" : ""}>
                <th scope="row" className="px-3 py-2 align-top font-mono text-xs font-normal text-slate-500">
                  {row.line}
                </th>
                <td className="min-w-[12rem] px-3 py-2 align-top">
                  {row.problem ? (
                    <span className="flex gap-1.5 text-red-800">
                      <span aria-hidden="true">✕</span>
                      <span>{row.problem.reason}</span>
                    </span>
                  ) : (
                    <span className="text-emerald-700">
                      <span aria-hidden="true">✓</span> Ready
                    </span>
                  )}
                </td>
                {columns.map(({ index, target }) => (
                  <td
                    key={index}
                    className={`max-w-[14rem] truncate px-3 py-2 align-top ${row.problem?.field === target ? "font-medium text-red-800" : "text-slate-700"}`}
                    title={row.cells[index]}
                  >
                    {row.cells[index]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
