"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { DurationStats, Velocity } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, OUTCOME_COLORS, axisTitle } from "./chart-theme";
import { CycleTimePicker } from "./cycle-time-picker";
import { formatCount, formatDecimal, formatHours } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = DurationStats & { measure: string };

function rowsOf(velocity: Velocity): Row[] {
  return [
    { measure: "Time in LEAD", ...velocity.timeInStage.LEAD },
    { measure: "Time in MQL", ...velocity.timeInStage.MQL },
    { measure: "Time in SAL", ...velocity.timeInStage.SAL },
    { measure: "Time in SQL", ...velocity.timeInStage.SQL },
    { measure: "First event → MQL", ...velocity.firstEventToMql },
    { measure: "MQL → SQL", ...velocity.mqlToSql },
    { measure: "MQL → WON", ...velocity.mqlToWon },
  ];
}

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Measure", value: (row) => row.measure },
  { header: "Measured", value: (row) => row.count, cell: (row) => formatCount(row.count), numeric: true },
  { header: "Median", csvHeader: "Median (hours)", value: (row) => row.medianHours ?? "", cell: (row) => formatHours(row.medianHours), numeric: true },
  { header: "90th percentile", csvHeader: "90th percentile (hours)", value: (row) => row.p90Hours ?? "", cell: (row) => formatHours(row.p90Hours), numeric: true },
];

/** Long waits read better in days; the axis switches once the slowest bar passes three days. */
function unitFor(rows: Row[]): { label: string; divisor: number } {
  const longest = Math.max(0, ...rows.map((row) => row.p90Hours ?? 0));
  return longest > 72 ? { label: "days", divisor: 24 } : { label: "hours", divisor: 1 };
}

/** Median and 90th percentile of the time spent in each stage and between the key moments. */
export function VelocitySection({ velocity, filters }: { velocity: Velocity; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const rows = rowsOf(velocity);
  const unit = unitFor(rows);
  const chartRows = rows.map((row) => ({
    measure: row.measure,
    median: row.medianHours === null ? null : row.medianHours / unit.divisor,
    p90: row.p90Hours === null ? null : row.p90Hours / unit.divisor,
  }));
  const measured = rows.filter((row) => row.count > 0);

  return (
    <MetricCard
      id="velocity"
      title="Velocity"
      range={filters}
      drillDown={drillDown}
      emptyMessage={measured.length === 0 ? "No lead finished a stage in this range, so there is nothing to time yet." : null}
      description={<p>How long leads take: the median, and the 90th percentile for the slow tail.</p>}
      howComputed={
        <>
          <p>Half of the leads are faster than the median; nine in ten are faster than the 90th percentile, so a long p90 bar means a slow tail.</p>
          <p>Time in a stage counts stays that ended in the range.</p>
          <p>
            First event → MQL, MQL → SQL and MQL → WON count leads that reached MQL, SQL or WON in the range (MQL → SQL from the latest MQL entry before it, MQL → WON from
            the first).
          </p>
        </>
      }
      footer={<CycleTimePicker times={velocity.cycleTimes} />}
      table={{ caption: "Time in stage and between milestones", columns: COLUMNS, rows, rowKey: (row) => row.measure }}
      chart={
        <>
          <Legend>
            <LegendItem color={OUTCOME_COLORS.median} label="Median" />
            <LegendItem color={OUTCOME_COLORS.p90} label="90th percentile" />
          </Legend>
          <ChartFrame>
            <BarChart
              data={chartRows}
              layout="vertical"
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 0, right: 16, bottom: 16, left: 0 }}
              aria-label={`Bar chart of durations: ${measured.map((row) => `${row.measure} median ${formatHours(row.medianHours)}, 90th percentile ${formatHours(row.p90Hours)}`).join("; ")}.`}
            >
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis
                type="number"
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={{ stroke: GRID_STROKE }}
                tickFormatter={formatDecimal}
                label={axisTitle(unit.label)}
              />
              <YAxis type="category" dataKey="measure" tick={AXIS_TICK} tickLine={false} axisLine={false} width={130} />
              <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatHours(Number(value) * unit.divisor), name]} />
              <Bar dataKey="median" name="Median" fill={OUTCOME_COLORS.median} radius={[0, 4, 4, 0]} maxBarSize={14} />
              <Bar dataKey="p90" name="90th percentile" fill={OUTCOME_COLORS.p90} radius={[0, 4, 4, 0]} maxBarSize={14} />
            </BarChart>
          </ChartFrame>
        </>
      }
    />
  );
}
