"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { FunnelStage, RepRow } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS } from "./chart-theme";
import { formatCount, formatHours } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = RepRow & { name: string };

/** Each move a rep makes puts the lead into a stage: accepting into SAL, qualifying into SQL, winning into WON. */
const SERIES = [
  { key: "accepted", label: "Accepted", stage: "SAL", color: STAGE_COLORS.SAL },
  { key: "qualified", label: "Qualified", stage: "SQL", color: STAGE_COLORS.SQL },
  { key: "won", label: "Won", stage: "WON", color: STAGE_COLORS.WON },
] as const satisfies readonly { key: keyof RepRow; label: string; stage: FunnelStage; color: string }[];

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Rep", value: (row) => row.name },
  ...SERIES.map(
    (series): MetricColumn<Row> => ({
      header: series.label,
      value: (row) => row[series.key],
      cell: (row) => formatCount(row[series.key]),
      numeric: true,
      drill: (row) => ({ owner: row.repId, stage: series.stage }),
    }),
  ),
  { header: "Rejected", value: (row) => row.rejected, cell: (row) => formatCount(row.rejected), numeric: true },
  { header: "Median response", csvHeader: "Median response (hours)", value: (row) => row.medianResponseHours ?? "", cell: (row) => formatHours(row.medianResponseHours), numeric: true },
];

/** What each person moved in the range, and how fast they answered new MQLs. */
export function RepsSection({ reps, filters, people }: { reps: RepRow[]; filters: DashboardFilters; people: Record<string, string> }) {
  const drillDown = useDrillDown(filters);
  const rows: Row[] = reps.map((rep) => ({ ...rep, name: people[rep.repId] ?? "Unknown user" }));

  return (
    <MetricCard
      id="reps"
      title="Reps"
      range={filters}
      drillDown={drillDown}
      emptyMessage={rows.length === 0 ? "Nobody accepted, rejected, qualified or won a lead in this range." : null}
      description={<p>What each person did in the range. Click a bar for the rep&apos;s leads.</p>}
      howComputed={
        <>
          <p>Moves each person made in the range: MQLs accepted (or rejected back to marketing), leads qualified as SQL, and deals won.</p>
          <p>Median response is the typical time from a lead becoming MQL to the rep accepting or rejecting it.</p>
          <p>A bar links to the leads the rep owns now that entered that stage in the range.</p>
        </>
      }
      table={{ caption: "Moves per rep", columns: COLUMNS, rows, rowKey: (row) => row.repId }}
      chart={
        <>
          <Legend>
            {SERIES.map((series) => (
              <LegendItem key={series.key} color={series.color} label={series.label} />
            ))}
          </Legend>
          <ChartFrame>
            <BarChart
              data={rows}
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              aria-label={`Bar chart of moves per rep: ${rows.map((row) => `${row.name} ${row.accepted} accepted, ${row.qualified} qualified, ${row.won} won`).join("; ")}.`}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="name" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} interval={0} />
              <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} width={40} tickFormatter={formatCount} />
              <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatCount(Number(value)), name]} />
              {SERIES.map((series) => (
                <Bar
                  key={series.key}
                  dataKey={series.key}
                  name={series.label}
                  fill={series.color}
                  radius={[3, 3, 0, 0]}
                  maxBarSize={28}
                  cursor="pointer"
                  onClick={(item) => drillDown.open({ owner: (item.payload as Row).repId, stage: series.stage })}
                />
              ))}
            </BarChart>
          </ChartFrame>
        </>
      }
    />
  );
}
