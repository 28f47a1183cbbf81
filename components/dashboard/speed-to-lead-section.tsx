"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { SpeedToLead, SpeedToLeadStats } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, OUTCOME_COLORS } from "./chart-theme";
import { formatCount, formatMinutes, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = SpeedToLeadStats & { key: string; name: string; withinHourOnly: number; later: number };

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Rep", value: (row) => row.name },
  { header: "Answered", value: (row) => row.answered, cell: (row) => formatCount(row.answered), numeric: true },
  { header: "Median", csvHeader: "Median (minutes)", value: (row) => row.medianMinutes ?? "", cell: (row) => formatMinutes(row.medianMinutes), numeric: true },
  { header: "90th percentile", csvHeader: "90th percentile (minutes)", value: (row) => row.p90Minutes ?? "", cell: (row) => formatMinutes(row.p90Minutes), numeric: true },
  { header: "Within 5 minutes", csvHeader: "Within 5 minutes (%)", value: (row) => sharePercent(row.within5MinutesShare), cell: (row) => formatShare(row.within5MinutesShare), numeric: true },
  { header: "Within an hour", csvHeader: "Within an hour (%)", value: (row) => sharePercent(row.withinHourShare), cell: (row) => formatShare(row.withinHourShare), numeric: true },
];

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

/** How fast sales answered new MQLs: the wait from MQL to accept or reject, overall and per rep. */
export function SpeedToLeadSection({ speed, filters, people }: { speed: SpeedToLead; filters: DashboardFilters; people: Record<string, string> }) {
  const drillDown = useDrillDown(filters);
  const rows: Row[] = speed.byRep.map((row) => ({
    ...row,
    key: row.repId ?? "nobody",
    name: row.repId === null ? "Not signed" : (people[row.repId] ?? "Unknown user"),
    withinHourOnly: row.withinHour - row.within5Minutes,
    later: row.answered - row.withinHour,
  }));

  return (
    <MetricCard
      id="speed-to-lead"
      title="Speed to lead"
      range={filters}
      drillDown={drillDown}
      emptyMessage={speed.answered === 0 ? "Sales answered no MQL of this range yet." : null}
      description={<p>How soon sales answered new MQLs. Answering within minutes rather than hours makes qualifying a lead far likelier.</p>}
      howComputed={
        <>
          <p>Every entry into MQL in the range that a rep accepted or rejected, and the time from the entry to that answer. A lead that became MQL twice counts twice.</p>
          <p>MQLs nobody has answered yet are not timed here; the response SLA counts them as waiting. Each answer sits under the rep who gave it.</p>
        </>
      }
      table={{ caption: "Speed to lead by rep", columns: COLUMNS, rows, rowKey: (row) => row.key }}
      chart={
        <>
          <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label="Median wait" value={formatMinutes(speed.medianMinutes)} />
            <Figure label="90th percentile" value={formatMinutes(speed.p90Minutes)} />
            <Figure label="Within 5 minutes" value={formatShare(speed.within5MinutesShare)} />
            <Figure label="Within an hour" value={formatShare(speed.withinHourShare)} />
          </dl>
          <Legend>
            <LegendItem color={OUTCOME_COLORS.within} label="Within 5 minutes" />
            <LegendItem color={OUTCOME_COLORS.p90} label="Within an hour" />
            <LegendItem color={OUTCOME_COLORS.waiting} label="Later" />
          </Legend>
          <ChartFrame height={Math.max(160, 36 * rows.length + 40)}>
            <BarChart
              data={rows}
              layout="vertical"
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
              aria-label={`Stacked bar chart of answered MQLs by rep: ${rows.map((row) => `${row.name} ${row.within5Minutes} within 5 minutes, ${row.withinHourOnly} within an hour, ${row.later} later`).join("; ")}.`}
            >
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} allowDecimals={false} tickFormatter={formatCount} />
              <YAxis type="category" dataKey="name" tick={AXIS_TICK} tickLine={false} axisLine={false} width={120} />
              <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatCount(Number(value)), name]} />
              <Bar dataKey="within5Minutes" name="Within 5 minutes" stackId="answers" fill={OUTCOME_COLORS.within} maxBarSize={22} />
              <Bar dataKey="withinHourOnly" name="Within an hour" stackId="answers" fill={OUTCOME_COLORS.p90} maxBarSize={22} />
              <Bar dataKey="later" name="Later" stackId="answers" fill={OUTCOME_COLORS.waiting} radius={[0, 4, 4, 0]} maxBarSize={22} />
            </BarChart>
          </ChartFrame>
        </>
      }
    />
  );
}
