"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { ScoreBand } from "@/lib/core/metrics/types";
import { ChartFrame, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS, axisTitle } from "./chart-theme";
import { formatCount, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

const scoreDrill = (band: ScoreBand, stage?: "SQL") => ({ score: { min: band.minScore, max: band.maxScore }, stage });

const COLUMNS: MetricColumn<ScoreBand>[] = [
  { header: "Score band", value: (band) => band.label },
  { header: "Leads", value: (band) => band.leads, cell: (band) => formatCount(band.leads), numeric: true, drill: (band) => scoreDrill(band) },
  { header: "Became SQL", value: (band) => band.sql, cell: (band) => formatCount(band.sql), numeric: true, drill: (band) => scoreDrill(band, "SQL") },
  { header: "SQL rate", csvHeader: "SQL rate (%)", value: (band) => sharePercent(band.sqlRate), cell: (band) => formatShare(band.sqlRate), numeric: true },
];

/** Whether the score predicts sales: conversion to SQL for each tenth of the leads by score. */
export function CalibrationSection({ bands, filters }: { bands: ScoreBand[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);

  return (
    <MetricCard
      id="calibration"
      title="Score calibration"
      range={filters}
      drillDown={drillDown}
      emptyMessage={bands.length === 0 ? "No leads were created in this range." : null}
      description={<p>Whether higher scores become SQL more often. Click a bar for the band&apos;s SQLs.</p>}
      howComputed={
        <>
          <p>Leads created in the range, ranked by their total score and cut into ten bands of about equal size, with the share of each band that became SQL by now.</p>
          <p>A well-tuned score climbs from left to right; a flat or bumpy line means the scoring rules need work.</p>
        </>
      }
      table={{ caption: "Conversion to SQL by score band", columns: COLUMNS, rows: bands, rowKey: (band) => band.label }}
      chart={
        <ChartFrame>
          <BarChart
            data={bands}
            responsive
            style={{ width: "100%", height: "100%" }}
            margin={{ top: 24, right: 8, bottom: 16, left: 0 }}
            aria-label={`Bar chart of SQL rate by score band: ${bands.map((band) => `${band.label} ${formatShare(band.sqlRate)} of ${band.leads} leads`).join("; ")}.`}
          >
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis
              dataKey="label"
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={{ stroke: GRID_STROKE }}
              interval={0}
              label={axisTitle("Total score")}
            />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={48} tickFormatter={(value: number) => formatShare(value).replace(".0%", "%")} />
            <Tooltip
              cursor={CURSOR_FILL}
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(label) => `Score ${String(label)}`}
              formatter={(value, _name, item) => [`${formatShare(Number(value))} (${formatCount(item.payload.sql)} of ${formatCount(item.payload.leads)})`, "Became SQL"]}
            />
            <Bar dataKey="sqlRate" name="SQL rate" fill={STAGE_COLORS.SQL} radius={[4, 4, 0, 0]} maxBarSize={48} cursor="pointer" onClick={(item) => drillDown.open(scoreDrill(item.payload as ScoreBand, "SQL"))}>
              <LabelList dataKey="sqlRate" position="top" formatter={(value) => formatShare(value === null ? null : Number(value))} className="fill-slate-700 text-[11px]" />
            </Bar>
          </BarChart>
        </ChartFrame>
      }
    />
  );
}
