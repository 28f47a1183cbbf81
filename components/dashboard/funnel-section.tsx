"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { FunnelStep, LossKind } from "@/lib/core/metrics/types";
import { STAGE_LABELS } from "@/lib/core/stages";
import { ChartFrame, TOOLTIP_STYLE } from "./chart-frame";
import { AXIS_TICK, CURSOR_FILL, GRID_STROKE, STAGE_COLORS } from "./chart-theme";
import { formatCount, formatShare, sharePercent } from "./format";
import { FunnelLeaks } from "./funnel-leaks";
import { MetricCard } from "./metric-card";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

const LOSS_LABELS: Record<LossKind, string> = { sentBack: "Returned by sales", nurtured: "Sent to nurture", disqualified: "Disqualified", lost: "Lost" };
const LOSS_KINDS = Object.keys(LOSS_LABELS) as LossKind[];

const nextStage = (steps: FunnelStep[], index: number) => steps[index + 1]?.stage;

function columns(steps: FunnelStep[]): MetricColumn<FunnelStep>[] {
  return [
    { header: "Stage", value: (step) => step.stage, cell: (step) => `${step.stage} · ${STAGE_LABELS[step.stage]}` },
    { header: "Entered", value: (step) => step.entered, cell: (step) => formatCount(step.entered), numeric: true, drill: (step) => ({ stage: step.stage }) },
    { header: "Moved on", value: (step) => step.advanced ?? "", cell: (step) => (step.advanced === null ? "—" : formatCount(step.advanced)), numeric: true },
    {
      header: "Conversion to next stage",
      csvHeader: "Conversion to next stage (%)",
      value: (step) => sharePercent(step.conversion),
      cell: (step) => (step.conversion === null ? "—" : `${formatShare(step.conversion)} to ${nextStage(steps, steps.indexOf(step))}`),
      numeric: true,
    },
    ...LOSS_KINDS.map((kind): MetricColumn<FunnelStep> => ({ header: LOSS_LABELS[kind], value: (step) => step.losses[kind].count, cell: (step) => formatCount(step.losses[kind].count), numeric: true })),
    {
      header: "Loss reasons",
      value: (step) =>
        LOSS_KINDS.flatMap((kind) => step.losses[kind].reasons.map((reason) => `${LOSS_LABELS[kind]}: ${reason.reason} (${reason.count})`)).join("; "),
      csvOnly: true,
    },
  ];
}

function summary(steps: FunnelStep[]): string {
  return `Bar chart of leads entering each stage: ${steps.map((step) => `${step.stage} ${formatCount(step.entered)}`).join(", ")}.`;
}

/** Entered per stage, stage-to-stage conversion, and where leads leave the funnel. */
export function FunnelSection({ steps, filters }: { steps: FunnelStep[]; filters: DashboardFilters }) {
  const drillDown = useDrillDown(filters);
  const empty = steps.every((step) => step.entered === 0);
  const linked = (stage: FunnelStep["stage"]) => drillDown.href({ stage }) !== null;

  return (
    <MetricCard
      id="funnel"
      title="Funnel"
      wide
      range={filters}
      drillDown={drillDown}
      emptyMessage={empty ? "No leads entered the funnel in this range." : null}
      description={<p>Leads entering each stage in the range, and where the rest left. Click a bar for its leads.</p>}
      howComputed={
        <>
          <p>Entered: distinct leads that entered the stage in the range, once each however often they came back. LEAD counts leads created, or returned to LEAD, in the range.</p>
          <p>Conversion: the share of them that reached a later stage by now, even after the range ended.</p>
          <p>
            Where leads leave: returned by sales (rejected as MQL or recycled as SAL), sent to nurture by marketing, disqualified or lost, each lead once per kind, with the
            first reason given.
          </p>
        </>
      }
      table={{ caption: "Leads per funnel stage", columns: columns(steps), rows: steps, rowKey: (step) => step.stage }}
      chart={
        <ChartFrame>
          <BarChart data={steps} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 24, right: 8, bottom: 0, left: 0 }} aria-label={summary(steps)}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="stage" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} width={48} tickFormatter={formatCount} />
            <Tooltip
              cursor={CURSOR_FILL}
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(stage) => `${String(stage)} · ${STAGE_LABELS[stage as FunnelStep["stage"]]}`}
              formatter={(value) => [formatCount(Number(value)), "Entered"]}
            />
            <Bar dataKey="entered" name="Entered" radius={[6, 6, 0, 0]} maxBarSize={96} onClick={(item) => drillDown.open({ stage: (item.payload as FunnelStep).stage })}>
              {steps.map((step) => (
                <Cell key={step.stage} fill={STAGE_COLORS[step.stage]} cursor={linked(step.stage) ? "pointer" : undefined} />
              ))}
              <LabelList dataKey="entered" position="top" formatter={(value) => formatCount(Number(value))} className="fill-slate-700 text-xs font-semibold" />
            </Bar>
          </BarChart>
        </ChartFrame>
      }
      footer={<FunnelLeaks steps={steps} lossLabels={LOSS_LABELS} />}
    />
  );
}
