"use client";

import type { ActiveDotProps } from "recharts";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { FunnelStage, TrendRow } from "@/lib/core/metrics/types";
import { FUNNEL_STAGES } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, GRID_STROKE, STAGE_COLORS } from "./chart-theme";
import { formatCount, formatDay } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import type { DrillDownApi } from "./use-drill-down";
import { useDrillDown } from "./use-drill-down";

const COLUMNS: MetricColumn<TrendRow>[] = [
  { header: "Week of", value: (row) => row.weekStart, cell: (row) => formatDay(row.weekStart) },
  ...FUNNEL_STAGES.map(
    (stage): MetricColumn<TrendRow> => ({
      header: stage,
      value: (row) => row.entered[stage],
      cell: (row) => formatCount(row.entered[stage]),
      numeric: true,
      drill: (row) => ({ week: row.weekStart, stage }),
    }),
  ),
];

/** The hovered point; clicking it opens the leads that entered the stage that week. */
function clickableDot(stage: FunnelStage, drillDown: DrillDownApi) {
  function TrendDot({ cx, cy, payload }: ActiveDotProps) {
    if (cx === undefined || cy === undefined) return null;
    const drill = { week: (payload as { weekStart: string }).weekStart, stage };
    const linked = drillDown.href(drill) !== null;
    return <circle cx={cx} cy={cy} r={6} fill={STAGE_COLORS[stage]} stroke="#fff" strokeWidth={2} cursor={linked ? "pointer" : undefined} onClick={() => drillDown.open(drill)} />;
  }
  return TrendDot;
}

/** Weekly volumes: how many leads entered each stage, week by week. */
export function TrendSection({ trend, filters }: { trend: TrendRow[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const chartRows = trend.map((row) => ({ weekStart: row.weekStart, ...row.entered }));
  const empty = trend.every((row) => FUNNEL_STAGES.every((stage) => row.entered[stage] === 0));
  const totals = FUNNEL_STAGES.map((stage) => `${stage} ${formatCount(trend.reduce((sum, row) => sum + row.entered[stage], 0))}`).join(", ");

  return (
    <MetricCard
      id="trend"
      title="Weekly trend"
      wide
      range={filters}
      drillDown={drillDown}
      emptyMessage={empty ? "No leads entered any stage in this range." : null}
      description={<p>Leads entering each stage, week by week. Click a point for its leads.</p>}
      howComputed={
        <>
          <p>Distinct leads entering each stage per week (Monday to Sunday, UTC); new and returned leads count as entering LEAD. The first and last weeks may be partial.</p>
          <p>Steady lines mean a steady pipeline; a dip in MQL today shows up as fewer SQLs a few weeks later.</p>
        </>
      }
      table={{ caption: "Leads entering each stage per week", columns: COLUMNS, rows: trend, rowKey: (row) => row.weekStart }}
      chart={
        <>
          <Legend>
            {FUNNEL_STAGES.map((stage) => (
              <LegendItem key={stage} color={STAGE_COLORS[stage]} label={stage} />
            ))}
          </Legend>
          <ChartFrame>
            <LineChart
              data={chartRows}
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              aria-label={`Line chart of leads entering each stage per week over ${trend.length} weeks; totals: ${totals}.`}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="weekStart" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} tickFormatter={formatDay} minTickGap={16} />
              <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} width={48} tickFormatter={formatCount} />
              <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(week) => `Week of ${formatDay(String(week))}`} formatter={(value, name) => [formatCount(Number(value)), name]} />
              {FUNNEL_STAGES.map((stage) => (
                <Line
                  key={stage}
                  type="monotone"
                  dataKey={stage}
                  name={stage}
                  stroke={STAGE_COLORS[stage]}
                  strokeWidth={2}
                  dot={false}
                  activeDot={clickableDot(stage, drillDown)}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ChartFrame>
        </>
      }
    />
  );
}
