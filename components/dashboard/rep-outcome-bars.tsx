"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, Legend, LegendItem, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE } from "./chart-theme";
import { formatCount } from "./format";

export type Outcome<Row> = { key: keyof Row & string; label: string; color: string };

/** One horizontal bar per rep, stacked by outcome (within the SLA, late, …), with its legend. */
export function RepOutcomeBars<Row extends { name: string }>({ rows, outcomes, what }: { rows: Row[]; outcomes: Outcome<Row>[]; what: string }) {
  const described = rows.map((row) => `${row.name} ${outcomes.map((outcome) => `${Number(row[outcome.key])} ${outcome.label.toLowerCase()}`).join(", ")}`);
  return (
    <>
      <Legend>
        {outcomes.map((outcome) => (
          <LegendItem key={outcome.key} color={outcome.color} label={outcome.label} />
        ))}
      </Legend>
      <ChartFrame height={Math.max(160, 36 * rows.length + 40)}>
        <BarChart
          data={rows}
          layout="vertical"
          responsive
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
          aria-label={`Stacked bar chart of ${what} by rep: ${described.join("; ")}.`}
        >
          <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
          <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} allowDecimals={false} tickFormatter={formatCount} />
          <YAxis type="category" dataKey="name" tick={AXIS_TICK} tickLine={false} axisLine={false} width={120} />
          <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatCount(Number(value)), name]} />
          {outcomes.map((outcome, index) => (
            <Bar
              key={outcome.key}
              dataKey={String(outcome.key)}
              name={outcome.label}
              stackId="outcomes"
              fill={outcome.color}
              radius={index === outcomes.length - 1 ? [0, 4, 4, 0] : undefined}
              maxBarSize={22}
            />
          ))}
        </BarChart>
      </ChartFrame>
    </>
  );
}

/** A headline figure above a chart: its label and value, as one entry of a description list. */
export function Figure({ label, value, tone = "text-slate-900" }: { label: string; value: string; tone?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}
