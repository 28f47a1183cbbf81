"use client";

import { Bar, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { TOOLTIP_STYLE } from "@/components/dashboard/chart-frame";
import { LabBarChart } from "./lab-bar-chart";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, axisTitle } from "@/components/dashboard/chart-theme";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { Band } from "@/lib/core/scoring-lab/ranking";
import { ChartOrTable } from "./chart-or-table";
import type { LabColumn } from "./lab-table";
import { LabTable } from "./lab-table";
import { formatCount, formatPercent, formatPoints, formatRate, targetWords } from "./lab-format";

const BAR = "#0ea5e9";
const bandLabel = (band: Band) => `${formatPoints(band.from)}–${formatPoints(band.to)}`;

/** Calibration of the points: the observed rate for each band of scores, so a marketer sees what a score of 60 has meant. */
export function ScoreBands({ bands, target }: { bands: readonly Band[]; target: Target }) {
  const words = targetWords(target);
  const columns: LabColumn<Band>[] = [
    { header: "Points", cell: bandLabel },
    { header: "Leads", cell: (band) => formatCount(band.leads), numeric: true },
    { header: words.label, cell: (band) => formatCount(band.positives), numeric: true },
    { header: "Observed rate", cell: (band) => formatRate(band.rate), numeric: true },
  ];
  const data = bands.map((band) => ({ ...band, label: bandLabel(band) }));
  return (
    <ChartOrTable
      title="Observed rate per score band"
      testId="score-bands"
      description={<p>How often leads with each score {words.reached}. It should climb with the score; a band lower than the one before means the points there mislead.</p>}
      table={<LabTable caption={`Share that ${words.reached} per band of points`} columns={columns} rows={bands} rowKey={bandLabel} />}
      chart={
        <LabBarChart
          data={data}
          label={`Bar chart of the share that ${words.reached} per band of points: ${bands.map((band) => `${bandLabel(band)} ${formatRate(band.rate)} of ${formatCount(band.leads)}`).join("; ")}.`}
        >
          <CartesianGrid vertical={false} stroke={GRID_STROKE} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} minTickGap={4} label={axisTitle("Points just before the outcome")} />
          <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => formatPercent(value)} />
          <Tooltip
            cursor={CURSOR_FILL}
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(label) => `${String(label)} points`}
            formatter={(value, _name, item) => [`${formatRate(value === null ? null : Number(value))} (${formatCount(item.payload.positives)} of ${formatCount(item.payload.leads)})`, words.label]}
          />
          <Bar dataKey="rate" name={words.label} fill={BAR} radius={[4, 4, 0, 0]} maxBarSize={40} />
        </LabBarChart>
      }
    />
  );
}
