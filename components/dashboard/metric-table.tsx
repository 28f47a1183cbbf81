import Link from "next/link";
import type { ReactNode } from "react";
import type { DrillDown } from "@/lib/core/metrics/drill-down";
import type { DrillDownApi } from "./use-drill-down";

export type CsvValue = string | number;

/** One column of a section's numbers: the table shows `cell` (or the value), the CSV export the raw value. */
export type MetricColumn<Row> = {
  header: string;
  /** The CSV header when it needs a unit the table shows in its cells, e.g. "SQL rate (%)". */
  csvHeader?: string;
  value: (row: Row) => CsvValue;
  cell?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The leads behind the cell; the cell links to them when the lead table can show exactly those. */
  drill?: (row: Row) => DrillDown | null;
  /** Only in the export, e.g. the loss reasons spelled out. */
  csvOnly?: boolean;
};

export type MetricTableData<Row> = { caption: string; columns: MetricColumn<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string };

export function csvRecords<Row>({ columns, rows }: Pick<MetricTableData<Row>, "columns" | "rows">): Record<string, CsvValue>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column) => [column.csvHeader ?? column.header, column.value(row)])));
}

/** A section's numbers as an accessible table; the first column names the row. */
export function MetricTable<Row>({ data, drillDown }: { data: MetricTableData<Row>; drillDown: DrillDownApi }) {
  const columns = data.columns.filter((column) => !column.csvOnly);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{data.caption}</caption>
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
          {data.rows.map((row) => (
            <tr key={data.rowKey(row)} className="hover:bg-slate-50">
              {columns.map((column, index) => {
                const content = column.cell ? column.cell(row) : column.value(row);
                const drill = column.drill?.(row);
                const href = drill ? drillDown.href(drill) : null;
                const className = `px-2 py-1.5 ${column.numeric ? "text-right tabular-nums" : ""}`;
                const body = href ? (
                  <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {content}
                  </Link>
                ) : (
                  content
                );
                return index === 0 ? (
                  <th key={column.header} scope="row" className={`${className} text-left font-medium text-slate-900`}>
                    {body}
                  </th>
                ) : (
                  <td key={column.header} className={`${className} text-slate-700`}>
                    {body}
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
