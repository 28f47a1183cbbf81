"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { share } from "@/lib/core/metrics/stats";
import type { SlaMetrics, SlaRepRow } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, OUTCOME_COLORS } from "./chart-theme";
import { formatCount, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = SlaRepRow & { name: string; share: number | null };

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Rep", value: (row) => row.name },
  { header: "MQLs", value: (row) => row.mqls, cell: (row) => formatCount(row.mqls), numeric: true },
  { header: "Within SLA", value: (row) => row.withinSla, cell: (row) => formatCount(row.withinSla), numeric: true },
  { header: "Late", value: (row) => row.late, cell: (row) => formatCount(row.late), numeric: true },
  { header: "Waiting", value: (row) => row.waiting, cell: (row) => formatCount(row.waiting), numeric: true },
  { header: "Within SLA share", csvHeader: "Within SLA share (%)", value: (row) => sharePercent(row.share), cell: (row) => formatShare(row.share), numeric: true },
  { header: "Overdue now", value: (row) => row.overdueNow, cell: (row) => formatCount(row.overdueNow), numeric: true },
];

function Figure({ label, value, tone = "text-slate-900" }: { label: string; value: string; tone?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

/** Whether MQLs were accepted or rejected within the response SLA, overall and per rep. */
export function SlaSection({ sla, filters, people }: { sla: SlaMetrics; filters: DashboardFilters; people: Record<string, string> }) {
  const drillDown = useDrillDown(filters);
  const rows: Row[] = sla.byRep.map((row) => ({ ...row, name: row.repId === null ? "Unassigned" : (people[row.repId] ?? "Unknown user"), share: share(row.withinSla, row.withinSla + row.late) }));
  const hours = `${sla.slaHours} ${sla.slaHours === 1 ? "hour" : "hours"}`;

  return (
    <MetricCard
      id="sla"
      title="Response SLA"
      range={filters}
      drillDown={drillDown}
      emptyMessage={sla.mqls === 0 && sla.overdueNow === 0 ? "No lead became MQL in this range." : null}
      description={<p>Whether sales answered new MQLs within {hours}.</p>}
      howComputed={
        <>
          <p>Every entry into MQL in the range and how sales answered it: accepted or rejected within {hours} (green), later (red), or not yet (grey). A lead that became MQL twice counts twice.</p>
          <p>The share counts answered MQLs only. Overdue now counts MQLs past the SLA at this moment, whatever the range.</p>
          <p>Answered MQLs sit under the rep who answered, waiting ones under the lead&apos;s owner.</p>
        </>
      }
      table={{ caption: "Response SLA by rep", columns: COLUMNS, rows, rowKey: (row) => row.repId ?? "unassigned" }}
      chart={
        <>
          <dl className="mb-3 grid grid-cols-3 gap-3">
            <Figure label="Answered within SLA" value={formatShare(sla.withinSlaShare)} />
            <Figure label="Answered late" value={formatCount(sla.late)} tone={sla.late > 0 ? "text-rose-700" : "text-slate-900"} />
            <Figure label="Overdue now" value={formatCount(sla.overdueNow)} tone={sla.overdueNow > 0 ? "text-rose-700" : "text-slate-900"} />
          </dl>
          <Legend>
            <LegendItem color={OUTCOME_COLORS.within} label="Within SLA" />
            <LegendItem color={OUTCOME_COLORS.late} label="Late" />
            <LegendItem color={OUTCOME_COLORS.waiting} label="Waiting" />
          </Legend>
          <ChartFrame height={Math.max(160, 36 * rows.length + 40)}>
            <BarChart
              data={rows}
              layout="vertical"
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
              aria-label={`Stacked bar chart of MQLs by rep: ${rows.map((row) => `${row.name} ${row.withinSla} within, ${row.late} late, ${row.waiting} waiting`).join("; ")}.`}
            >
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} allowDecimals={false} tickFormatter={formatCount} />
              <YAxis type="category" dataKey="name" tick={AXIS_TICK} tickLine={false} axisLine={false} width={120} />
              <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatCount(Number(value)), name]} />
              <Bar dataKey="withinSla" name="Within SLA" stackId="mqls" fill={OUTCOME_COLORS.within} maxBarSize={22} />
              <Bar dataKey="late" name="Late" stackId="mqls" fill={OUTCOME_COLORS.late} maxBarSize={22} />
              <Bar dataKey="waiting" name="Waiting" stackId="mqls" fill={OUTCOME_COLORS.waiting} radius={[0, 4, 4, 0]} maxBarSize={22} />
            </BarChart>
          </ChartFrame>
        </>
      }
    />
  );
}
