"use client";

import { Bar, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { TOOLTIP_STYLE } from "@/components/dashboard/chart-frame";
import { LabBarChart } from "./lab-bar-chart";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, axisTitle } from "@/components/dashboard/chart-theme";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { Decile } from "@/lib/core/scoring-lab/ranking";
import { ChartOrTable } from "./chart-or-table";
import type { LabColumn } from "./lab-table";
import { LabTable } from "./lab-table";
import { formatCount, formatPercent, formatPoints, formatRate, targetWords } from "./lab-format";

const BAR = "#4f46e5";
const AVERAGE = "#f59e0b";

const tenth = (decile: Decile) => (decile.decile === 1 ? "Top 10\u00a0%" : `${(decile.decile - 1) * 10}–${decile.decile * 10}\u00a0%`);
const scores = (decile: Decile) =>
  decile.minScore === decile.maxScore ? formatPoints(decile.maxScore) : `${formatPoints(decile.minScore)}–${formatPoints(decile.maxScore)}`;

type Props = { deciles: readonly Decile[]; target: Target; overallRate: number };

/** Lift by decile: the leads cut into tenths by score, highest first, and how often each tenth reached the target. */
export function DecileLift({ deciles, target, overallRate }: Props) {
  const words = targetWords(target);
  const columns: LabColumn<Decile>[] = [
    { header: "Tenth by score", cell: tenth },
    { header: "Points", cell: scores, numeric: true },
    { header: "Leads", cell: (decile) => formatCount(decile.leads), numeric: true },
    { header: `${words.label}`, cell: (decile) => formatCount(decile.positives), numeric: true },
    { header: "Rate", cell: (decile) => formatRate(decile.rate), numeric: true },
    { header: "Lift", cell: (decile) => `${decile.lift.toFixed(1)}×`, numeric: true },
    { header: `${words.label} so far`, cell: (decile) => formatPercent(decile.cumulativeCapture), numeric: true },
  ];
  const data = deciles.map((decile) => ({ ...decile, label: tenth(decile) }));
  const top = deciles[0];
  return (
    <ChartOrTable
      title="Lift by decile"
      testId="decile-lift"
      description={
        <p>
          The leads in ten groups by score, highest first, and the share of each that {words.reached}; the dashed line is the average ({formatRate(overallRate)}). Good rules make
          the first bars tall and the last ones short.
          {top && top.lift > 0 && ` The top tenth ${words.reached} ${top.lift.toFixed(1)}× as often as an average lead.`} In the table, “so far” is the share of all the{" "}
          {words.positives} found in that tenth and the ones above it.
        </p>
      }
      table={<LabTable caption={`Lift by decile: leads ranked by score, cut into tenths, and how many ${words.reached}`} columns={columns} rows={deciles} rowKey={(decile) => String(decile.decile)} />}
      chart={
        <LabBarChart
          data={data}
          label={`Bar chart of the share that ${words.reached} per tenth of the leads by score: ${deciles.map((decile) => `${tenth(decile)} ${formatRate(decile.rate)}`).join("; ")}. Average ${formatRate(overallRate)}.`}
        >
          <CartesianGrid vertical={false} stroke={GRID_STROKE} />
          <XAxis dataKey="decile" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} label={axisTitle("Tenth of the leads, highest scores first")} />
          <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => formatPercent(value)} />
          <Tooltip
            cursor={CURSOR_FILL}
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(_label, payload) => {
              const decile = payload?.[0]?.payload as Decile | undefined;
              return decile ? `${tenth(decile)} · ${scores(decile)} points` : "";
            }}
            formatter={(value, _name, item) => [`${formatRate(Number(value))} (${formatCount(item.payload.positives)} of ${formatCount(item.payload.leads)})`, words.label]}
          />
          <ReferenceLine y={overallRate} stroke={AVERAGE} strokeDasharray="4 4" />
          <Bar dataKey="rate" name={words.label} fill={BAR} radius={[4, 4, 0, 0]} maxBarSize={40} />
        </LabBarChart>
      }
    />
  );
}
