import Link from "next/link";
import type { DashboardMetrics, FunnelStage } from "@/lib/core/metrics/types";
import { STAGE_COLORS } from "./chart-theme";
import { DefinitionTip } from "./definition-tip";
import { formatCount, formatShare } from "./format";

type Tile = { id: string; label: string; value: string; note: string; definition?: string; color?: string; alert?: boolean; href?: string | null };

const MQL_DEFINITION = "Leads that became MQL in the range, each counted once, as in the funnel. MQL → SQL: the share of them that reached SQL by now.";

function entered(metrics: DashboardMetrics, stage: FunnelStage): number {
  return metrics.funnel.find((step) => step.stage === stage)?.entered ?? 0;
}

function tilesOf(metrics: DashboardMetrics, overdueHref: string): Tile[] {
  const { sla, mqlToSql } = metrics;
  const answered = sla.withinSla + sla.late;
  return [
    { id: "leads", label: "Leads created", value: formatCount(entered(metrics, "LEAD")), note: "new leads in the range", color: STAGE_COLORS.LEAD },
    { id: "mqls", label: "MQLs", value: formatCount(mqlToSql.mqls), note: "leads that became MQL", definition: MQL_DEFINITION, color: STAGE_COLORS.MQL },
    { id: "sqls", label: "SQLs", value: formatCount(entered(metrics, "SQL")), note: "leads sales qualified", color: STAGE_COLORS.SQL },
    { id: "won", label: "Won", value: formatCount(entered(metrics, "WON")), note: "deals won in the range", color: STAGE_COLORS.WON },
    { id: "mql-sql", label: "MQL → SQL", value: formatShare(mqlToSql.conversion), note: `${formatCount(mqlToSql.sql)} of those MQLs reached SQL` },
    { id: "sla", label: "Within SLA", value: formatShare(sla.withinSlaShare), note: `${formatCount(sla.withinSla)} of ${formatCount(answered)} answers in time` },
    {
      id: "overdue",
      label: "Overdue now",
      value: formatCount(sla.overdueNow),
      note: `waiting for sales over ${sla.slaHours} h`,
      alert: sla.overdueNow > 0,
      href: sla.overdueNow > 0 ? overdueHref : null,
    },
  ];
}

/** The headline figures for the range and segment, each with what it counts. */
export function SummaryTiles({ metrics, overdueHref }: { metrics: DashboardMetrics; overdueHref: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
      {tilesOf(metrics, overdueHref).map((tile) => (
        <div
          key={tile.id}
          data-testid={`summary-${tile.id}`}
          className={`relative rounded-xl border bg-white px-4 py-3 shadow-sm ${tile.alert ? "border-rose-300 bg-rose-50" : "border-slate-200"}`}
        >
          <dt className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            {tile.color && <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ backgroundColor: tile.color }} />}
            {tile.label}
            {tile.definition && <DefinitionTip term={tile.label} definition={tile.definition} />}
          </dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums tracking-tight ${tile.alert ? "text-rose-700" : "text-slate-900"}`} data-testid="summary-value">
            {tile.href ? (
              <Link href={tile.href} className="underline-offset-4 hover:underline">
                {tile.value}
              </Link>
            ) : (
              tile.value
            )}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-500">{tile.note}</dd>
        </div>
      ))}
    </dl>
  );
}
