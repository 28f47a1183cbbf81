import type { ReactNode } from "react";

export type LabColumn<Row> = { header: string; cell: (row: Row) => ReactNode; numeric?: boolean };

type Props<Row> = { caption: string; columns: readonly LabColumn<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string };

/** A chart's numbers as a table; the first column names the row. Scrolls sideways by itself on a phone, never the page. */
export function LabTable<Row>({ caption, columns, rows, rowKey }: Props<Row>) {
  return (
    // Focusable, so keyboard users can scroll a table wider than the screen.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`whitespace-nowrap px-2 py-2 ${column.numeric ? "text-right" : ""}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const className = `whitespace-nowrap px-2 py-1.5 ${column.numeric ? "text-right tabular-nums" : ""}`;
                return index === 0 ? (
                  <th key={column.header} scope="row" className={`${className} text-left font-medium text-slate-900`}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={`${className} text-slate-700`}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
