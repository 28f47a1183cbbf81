"use client";

import { Bar, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { Legend, LegendItem, TOOLTIP_STYLE } from "@/components/dashboard/chart-frame";
import { LabBarChart } from "./lab-bar-chart";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, axisTitle } from "@/components/dashboard/chart-theme";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { Band } from "@/lib/core/scoring-lab/ranking";
import { ChartOrTable } from "./chart-or-table";
import type { LabColumn } from "./lab-table";
import { LabTable } from "./lab-table";
import { formatCount, formatPercent, formatRate, targetWords } from "./lab-format";

const PREDICTED = "#a5b4fc";
const OBSERVED = "#4f46e5";
const bandLabel = (band: Band) => `${formatPercent(band.from)}–${formatPercent(band.to)}`;

/** Whether the probabilities mean what they say: on the held-out leads, predicted against observed per band of probability. */
export function ModelCalibration({ bands, target }: { bands: readonly Band[]; target: Target }) {
  const words = targetWords(target);
  const filled = bands.filter((band) => band.leads > 0);
  const columns: LabColumn<Band>[] = [
    { header: "Probability", cell: bandLabel },
    { header: "Leads", cell: (band) => formatCount(band.leads), numeric: true },
    { header: "Predicted", cell: (band) => formatRate(band.meanScore), numeric: true },
    { header: `Observed (${words.label})`, cell: (band) => formatRate(band.rate), numeric: true },
  ];
  const data = filled.map((band) => ({ ...band, label: bandLabel(band) }));
  return (
    <ChartOrTable
      title="Held-out calibration"
      testId="model-calibration"
      description={<p>For the held-out leads in each band of probability, the average the model predicted and the share that actually {words.reached}. Close pairs mean a 30&nbsp;% can be read as 30&nbsp;%.</p>}
      table={<LabTable caption="Predicted and observed rates per probability band on the held-out leads" columns={columns} rows={filled} rowKey={bandLabel} />}
      chart={
        <>
          <Legend>
            <LegendItem color={PREDICTED} label="Predicted (average)" />
            <LegendItem color={OBSERVED} label={`Observed: ${words.reached}`} />
          </Legend>
          <LabBarChart
            data={data}
            label={`Bar chart of predicted against observed rates per probability band: ${filled.map((band) => `${bandLabel(band)} predicted ${formatRate(band.meanScore)}, observed ${formatRate(band.rate)} of ${formatCount(band.leads)}`).join("; ")}.`}
          >
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} label={axisTitle("Predicted probability")} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => formatPercent(value)} />
            <Tooltip cursor={CURSOR_FILL} contentStyle={TOOLTIP_STYLE} formatter={(value, name) => [formatRate(value === null ? null : Number(value)), name]} />
            <Bar dataKey="meanScore" name="Predicted" fill={PREDICTED} radius={[4, 4, 0, 0]} maxBarSize={28} />
            <Bar dataKey="rate" name="Observed" fill={OBSERVED} radius={[4, 4, 0, 0]} maxBarSize={28} />
          </LabBarChart>
        </>
      }
    />
  );
}
