"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { share } from "@/lib/core/metrics/stats";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { CohortRow } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS } from "./chart-theme";
import { formatCount, formatMonth, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

const REACHED = ["MQL", "SAL", "SQL", "WON"] as const;

const COLUMNS: MetricColumn<CohortRow>[] = [
  { header: "Month", csvHeader: "Month created", value: (row) => row.month, cell: (row) => formatMonth(row.month) },
  { header: "Leads", value: (row) => row.leads, cell: (row) => formatCount(row.leads), numeric: true, drill: (row) => ({ createdMonth: row.month }) },
  ...REACHED.map(
    (stage): MetricColumn<CohortRow> => ({
      header: stage,
      csvHeader: `Reached ${stage} (%)`,
      value: (row) => sharePercent(share(row.reached[stage], row.leads)),
      cell: (row) => (
        <>
          {formatShare(share(row.reached[stage], row.leads))}
          <span className="block text-xs text-slate-500">{formatCount(row.reached[stage])} leads</span>
        </>
      ),
      numeric: true,
      drill: (row) => ({ createdMonth: row.month, stage }),
    }),
  ),
];

/** Leads grouped by the month they were created in, and how far each month's leads have got by now. */
export function CohortsSection({ cohorts, filters }: { cohorts: CohortRow[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const chartRows = cohorts.map((row) => ({ month: row.month, leads: row.leads, ...Object.fromEntries(REACHED.map((stage) => [stage, share(row.reached[stage], row.leads)])) }));

  return (
    <MetricCard
      id="cohorts"
      title="Cohorts"
      range={filters}
      drillDown={drillDown}
      emptyMessage={cohorts.length === 0 ? "No leads were created in this range." : null}
      description={<p>Each month&apos;s new leads and how far they have got by now. Click a bar for its leads.</p>}
      howComputed={
        <>
          <p>Leads created in each month of the range, and the share of them that has reached MQL, SAL, SQL and won by now.</p>
          <p>Recent months have had less time, so their bars are naturally shorter: compare a month with the months before it at the same age.</p>
        </>
      }
      table={{ caption: "Share of each month's leads that reached MQL, SAL, SQL and won by now", columns: COLUMNS, rows: cohorts, rowKey: (row) => row.month }}
      chart={
        <>
          <Legend>
            {REACHED.map((stage) => (
              <LegendItem key={stage} color={STAGE_COLORS[stage]} label={`Reached ${stage}`} />
            ))}
          </Legend>
          <ChartFrame>
            <BarChart
              data={chartRows}
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              barGap={1}
              aria-label={`Bar chart of the share of each month's leads reaching each stage: ${cohorts
                .map((row) => `${formatMonth(row.month)}, ${row.leads} leads, ${REACHED.map((stage) => `${stage} ${formatShare(share(row.reached[stage], row.leads))}`).join(", ")}`)
                .join("; ")}.`}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="month" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} tickFormatter={formatMonth} />
              <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={48} domain={[0, 1]} tickFormatter={(value: number) => formatShare(value).replace(".0%", "%")} />
              <Tooltip
                cursor={CURSOR_FILL}
                contentStyle={TOOLTIP_STYLE}
                labelFormatter={(month, payload) => `${formatMonth(String(month))} · ${formatCount(Number(payload[0]?.payload?.leads ?? 0))} leads`}
                formatter={(value, name) => [formatShare(Number(value)), name]}
              />
              {REACHED.map((stage) => (
                <Bar
                  key={stage}
                  dataKey={stage}
                  name={`Reached ${stage}`}
                  fill={STAGE_COLORS[stage]}
                  radius={[3, 3, 0, 0]}
                  maxBarSize={22}
                  onClick={(item) => drillDown.open({ createdMonth: (item.payload as { month: string }).month, stage })}
                />
              ))}
            </BarChart>
          </ChartFrame>
        </>
      }
    />
  );
}
