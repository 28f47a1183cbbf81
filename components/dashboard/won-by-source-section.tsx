"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { DrillDown } from "@/lib/core/metrics/drill-down";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { NO_KEY } from "@/lib/core/metrics/sources";
import type { SourceRow } from "@/lib/core/metrics/types";
import { ChartFrame, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS, axisTitle } from "./chart-theme";
import { formatCount, formatDays, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

/** More bars than this stop being readable; the table lists every source. */
const CHART_ROWS = 8;

/** The source's leads created in the range, or those of them won by now; leads without a source have no exact lead table. */
function drillOf(row: SourceRow, won: boolean): DrillDown | null {
  if (row.key === NO_KEY || (won && row.won === 0)) return null;
  return won ? { source: row.key, stage: "WON" } : { source: row.key };
}

const COLUMNS: MetricColumn<SourceRow>[] = [
  { header: "Source", value: (row) => row.key },
  { header: "Leads", value: (row) => row.leads, cell: (row) => formatCount(row.leads), numeric: true, drill: (row) => drillOf(row, false) },
  { header: "Won by now", value: (row) => row.won, cell: (row) => formatCount(row.won), numeric: true, drill: (row) => drillOf(row, true) },
  { header: "Win rate", csvHeader: "Win rate (%)", value: (row) => sharePercent(row.wonRate), cell: (row) => formatShare(row.wonRate), numeric: true },
  {
    header: "Median time to win",
    csvHeader: "Median days created → won",
    value: (row) => row.medianDaysToWon ?? "",
    cell: (row) => formatDays(row.medianDaysToWon),
    numeric: true,
    drill: (row) => drillOf(row, true),
  },
];

const barLabel = (row: SourceRow) => (row.won === 0 ? formatShare(row.wonRate) : `${formatShare(row.wonRate)} · ${formatDays(row.medianDaysToWon)}`);

/** Which sources bring customers: the leads created in the range, how many were won by now, and how long that took. */
export function WonBySourceSection({ sources, filters }: { sources: SourceRow[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const shown = sources.slice(0, CHART_ROWS).map((row) => ({ ...row, label: barLabel(row) }));

  return (
    <MetricCard
      id="won-by-source"
      title="Won by source"
      range={filters}
      drillDown={drillDown}
      wide
      emptyMessage={sources.length === 0 ? "No leads were created in this range." : null}
      description={<p>Which sources turn into deals, and how fast. Click a bar for the won leads.</p>}
      howComputed={
        <>
          <p>Leads created in the range by source, the share of them won by now (even after the range ended), and the median time from a lead&apos;s creation to WON.</p>
          <p>Imported history counts with its own dates, so choosing a past range shows how past leads turned out.</p>
        </>
      }
      table={{ caption: "Leads won by source", columns: COLUMNS, rows: sources, rowKey: (row) => row.key }}
      chart={
        <>
          <ChartFrame height={Math.max(160, 40 * shown.length + 40)}>
            <BarChart
              data={shown}
              layout="vertical"
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={{ top: 0, right: 130, bottom: 16, left: 0 }}
              aria-label={`Bar chart of the win rate by source: ${shown.map((row) => `${row.key} ${row.won} of ${row.leads} won (${formatShare(row.wonRate)}), median ${formatDays(row.medianDaysToWon)} to win`).join("; ")}.`}
            >
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis
                type="number"
                dataKey="wonRate"
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={{ stroke: GRID_STROKE }}
                tickFormatter={(value: number) => formatShare(value).replace(".0%", "%")}
                label={axisTitle("won by now")}
              />
              <YAxis type="category" dataKey="key" tick={AXIS_TICK} tickLine={false} axisLine={false} width={130} />
              <Tooltip
                cursor={CURSOR_FILL}
                contentStyle={TOOLTIP_STYLE}
                formatter={(_value, _name, item) => {
                  const row = item.payload as SourceRow;
                  return [`${formatShare(row.wonRate)} (${formatCount(row.won)} of ${formatCount(row.leads)}), median ${formatDays(row.medianDaysToWon)}`, "Won"];
                }}
              />
              <Bar
                dataKey="wonRate"
                name="Win rate"
                fill={STAGE_COLORS.WON}
                radius={[0, 4, 4, 0]}
                maxBarSize={18}
                onClick={(item) => {
                  const drill = drillOf(item.payload as SourceRow, true);
                  if (drill) drillDown.open(drill);
                }}
              >
                {shown.map((row) => {
                  const drill = drillOf(row, true);
                  return <Cell key={row.key} cursor={drill && drillDown.href(drill) ? "pointer" : undefined} />;
                })}
                <LabelList dataKey="label" position="right" className="fill-slate-700 text-[11px]" />
              </Bar>
            </BarChart>
          </ChartFrame>
          {sources.length > shown.length && (
            <p className="mt-1 text-xs text-slate-500">
              The {CHART_ROWS} sources with the most leads of {formatCount(sources.length)}; the table lists them all.
            </p>
          )}
        </>
      }
    />
  );
}
