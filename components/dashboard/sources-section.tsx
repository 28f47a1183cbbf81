"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import type { DrillDown } from "@/lib/core/metrics/drill-down";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { NO_KEY } from "@/lib/core/metrics/sources";
import type { FunnelStage, SourceRow } from "@/lib/core/metrics/types";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS } from "./chart-theme";
import { formatCount, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Grouping = "source" | "campaign";
const GROUPINGS: { id: Grouping; label: string }[] = [
  { id: "source", label: "By source" },
  { id: "campaign", label: "By campaign" },
];
/** More bars than this stop being readable; the table lists every row. */
const CHART_ROWS = 8;

/** Leads, and those of them that reached a stage by now. */
const SERIES = [
  { key: "leads", label: "Leads", stage: undefined, color: STAGE_COLORS.LEAD },
  { key: "mql", label: "Became MQL", stage: "MQL", color: STAGE_COLORS.MQL },
  { key: "sql", label: "Became SQL", stage: "SQL", color: STAGE_COLORS.SQL },
  { key: "won", label: "Won", stage: "WON", color: STAGE_COLORS.WON },
] as const satisfies readonly { key: keyof SourceRow; label: string; stage: FunnelStage | undefined; color: string }[];
type Series = (typeof SERIES)[number];

/** The leads behind one number; a row without a source or campaign has no exact lead table. */
function drillOf(grouping: Grouping, row: SourceRow, series: Series): DrillDown | null {
  if (row.key === NO_KEY) return null;
  return grouping === "source" ? { source: row.key, stage: series.stage } : { campaign: row.key, stage: series.stage };
}

function columns(grouping: Grouping): MetricColumn<SourceRow>[] {
  return [
    { header: grouping === "source" ? "Source" : "Campaign", value: (row) => row.key },
    ...SERIES.map(
      (series): MetricColumn<SourceRow> => ({
        header: series.label,
        value: (row) => row[series.key],
        cell: (row) => formatCount(row[series.key]),
        numeric: true,
        drill: (row) => drillOf(grouping, row, series),
      }),
    ),
    { header: "SQL rate", csvHeader: "SQL rate (%)", value: (row) => sharePercent(row.sqlRate), cell: (row) => formatShare(row.sqlRate), numeric: true },
    { header: "Win rate", csvHeader: "Win rate (%)", value: (row) => sharePercent(row.wonRate), cell: (row) => formatShare(row.wonRate), numeric: true },
  ];
}

/** Volume and conversion of the leads created in the range, by source or by first-touch campaign. */
export function SourcesSection({ sources, campaigns, filters }: { sources: SourceRow[]; campaigns: SourceRow[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const [grouping, setGrouping] = useState<Grouping>("source");
  const rows = grouping === "source" ? sources : campaigns;
  const shown = rows.slice(0, CHART_ROWS);

  return (
    <MetricCard
      id="sources"
      exportName={grouping === "source" ? "sources" : "campaigns"}
      title="Sources and campaigns"
      range={filters}
      drillDown={drillDown}
      emptyMessage={rows.length === 0 ? "No leads were created in this range." : null}
      controls={
        <div role="group" aria-label="Group leads" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {GROUPINGS.map((option) => (
            <button
              key={option.id}
              type="button"
              aria-pressed={grouping === option.id}
              onClick={() => setGrouping(option.id)}
              className={`rounded px-2.5 py-1 text-sm font-medium ${grouping === option.id ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:text-slate-900"}`}
            >
              {option.label}
            </button>
          ))}
        </div>
      }
      description={<p>New leads by where they came from, and how far they got. Click a bar for its leads.</p>}
      howComputed={
        <>
          <p>Leads created in the range, by their source or by the campaign of their first tracked touch, and how many of them became MQL, SQL and won by now.</p>
          <p>The rates are shares of all the leads from that {grouping}.</p>
        </>
      }
      table={{ caption: grouping === "source" ? "Leads by source" : "Leads by campaign", columns: columns(grouping), rows, rowKey: (row) => row.key }}
      chart={
        <>
          <Legend>
            {SERIES.map((series) => (
              <LegendItem key={series.key} color={series.color} label={series.label} />
            ))}
          </Legend>
          <ChartFrame height={Math.max(200, 64 * shown.length + 32)}>
            <BarChart
              data={shown}
              layout="vertical"
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
              barGap={1}
              aria-label={`Bar chart of leads by ${grouping}: ${shown.map((row) => `${row.key} ${row.leads} leads, ${row.sql} SQL, ${row.won} won`).join("; ")}.`}
            >
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} allowDecimals={false} tickFormatter={formatCount} />
              <YAxis type="category" dataKey="key" tick={AXIS_TICK} tickLine={false} axisLine={false} width={130} />
              <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatCount(Number(value)), name]} />
              {SERIES.map((series) => (
                <Bar
                  key={series.key}
                  dataKey={series.key}
                  name={series.label}
                  fill={series.color}
                  radius={[0, 3, 3, 0]}
                  maxBarSize={12}
                  onClick={(item) => {
                    const drill = drillOf(grouping, item.payload as SourceRow, series);
                    if (drill) drillDown.open(drill);
                  }}
                >
                  {shown.map((row) => {
                    const drill = drillOf(grouping, row, series);
                    return <Cell key={row.key} cursor={drill && drillDown.href(drill) ? "pointer" : undefined} />;
                  })}
                </Bar>
              ))}
            </BarChart>
          </ChartFrame>
          {rows.length > shown.length && (
            <p className="mt-1 text-xs text-slate-500">
              The {CHART_ROWS} largest of {formatCount(rows.length)} {grouping === "source" ? "sources" : "campaigns"}; the table lists them all.
            </p>
          )}
        </>
      }
    />
  );
}
