"use client";

import Papa from "papaparse";
import type { ReactNode } from "react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { MetricTableData } from "./metric-table";
import { MetricTable, csvRecords } from "./metric-table";
import type { DrillDownApi } from "./use-drill-down";

type Props<Row> = {
  id: string;
  title: string;
  /** What the section shows, in a short caption. */
  description: ReactNode;
  /** How its figures are defined and counted, folded away under "How is this computed". */
  howComputed?: ReactNode;
  /** Names the export: leadgate-<exportName or id>-<from>-to-<to>.csv. */
  range: { from: string; to: string };
  exportName?: string;
  table: MetricTableData<Row>;
  drillDown: DrillDownApi;
  chart: ReactNode;
  /** Shown instead of the chart and the table when there is nothing to show. */
  emptyMessage: string | null;
  /** Controls beside the heading, e.g. a choice of grouping. */
  controls?: ReactNode;
  /** Shown under the chart or the table, e.g. the reasons behind the losses. */
  footer?: ReactNode;
  wide?: boolean;
};

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/** One dashboard card: heading, caption and definitions, a chart or its table, and the export of the same rows. */
export function MetricCard<Row>({ id, title, description, howComputed, range, exportName = id, table, drillDown, chart, emptyMessage, controls, footer, wide = false }: Props<Row>) {
  const [showTable, setShowTable] = useState(false);
  const headingId = `${id}-heading`;

  function exportCsv() {
    const csv = Papa.unparse(csvRecords(table), { escapeFormulae: true, newline: "\r\n" });
    download(`leadgate-${exportName}-${range.from}-to-${range.to}.csv`, csv);
  }

  return (
    <section aria-labelledby={headingId} data-testid={`section-${id}`} className={`flex flex-col rounded-xl border border-slate-200 bg-white shadow-sm ${wide ? "lg:col-span-2" : ""}`}>
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0 max-w-2xl">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <div className="mt-1 text-sm text-slate-600">{description}</div>
          {howComputed && (
            <details className="mt-1 text-sm text-slate-600" data-testid="how-computed">
              <summary className="cursor-pointer font-medium text-brand-700">How is this computed</summary>
              <div className="mt-1 space-y-1">{howComputed}</div>
            </details>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {controls}
          <Button variant="secondary" className="py-1.5" aria-pressed={showTable} disabled={emptyMessage !== null} onClick={() => setShowTable((shown) => !shown)}>
            Table
          </Button>
          <Button variant="secondary" className="py-1.5" disabled={emptyMessage !== null} onClick={exportCsv}>
            Export CSV
          </Button>
        </div>
      </header>
      <div className="flex-1 px-5 py-4">
        {emptyMessage !== null ? (
          <p className="flex h-48 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50 px-6 text-center text-sm text-slate-500">{emptyMessage}</p>
        ) : showTable ? (
          <MetricTable data={table} drillDown={drillDown} />
        ) : (
          chart
        )}
      </div>
      {footer && emptyMessage === null && <div className="border-t border-slate-100 px-5 py-3">{footer}</div>}
    </section>
  );
}
