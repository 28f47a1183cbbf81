"use client";

import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { share } from "@/lib/core/metrics/stats";
import type { SlaMetrics, SlaRepRow } from "@/lib/core/metrics/types";
import { OUTCOME_COLORS } from "./chart-theme";
import { formatCount, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import { Figure, RepOutcomeBars } from "./rep-outcome-bars";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = SlaRepRow & { name: string; share: number | null };

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Rep", value: (row) => row.name },
  { header: "MQLs", value: (row) => row.mqls, cell: (row) => formatCount(row.mqls), numeric: true },
  { header: "Within SLA", value: (row) => row.withinSla, cell: (row) => formatCount(row.withinSla), numeric: true },
  { header: "Late", value: (row) => row.late, cell: (row) => formatCount(row.late), numeric: true },
  { header: "Waiting", value: (row) => row.waiting, cell: (row) => formatCount(row.waiting), numeric: true },
  { header: "Within SLA share", csvHeader: "Within SLA share (%)", value: (row) => sharePercent(row.share), cell: (row) => formatShare(row.share), numeric: true },
  { header: "Overdue now", value: (row) => row.overdueNow, cell: (row) => formatCount(row.overdueNow), numeric: true },
];

/** Whether MQLs were accepted or rejected within the response SLA, overall and per rep. */
export function SlaSection({ sla, filters, people }: { sla: SlaMetrics; filters: DashboardFilters; people: Record<string, string> }) {
  const drillDown = useDrillDown(filters);
  const rows: Row[] = sla.byRep.map((row) => ({ ...row, name: row.repId === null ? "Unassigned" : (people[row.repId] ?? "Unknown user"), share: share(row.withinSla, row.withinSla + row.late) }));
  const hours = `${sla.slaHours} ${sla.slaHours === 1 ? "hour" : "hours"}`;

  return (
    <MetricCard
      id="sla"
      title="Response SLA"
      range={filters}
      drillDown={drillDown}
      emptyMessage={sla.mqls === 0 && sla.overdueNow === 0 ? "No lead became MQL in this range." : null}
      description={<p>Whether sales answered new MQLs within {hours}.</p>}
      howComputed={
        <>
          <p>Every entry into MQL in the range and how sales answered it: accepted or rejected within {hours} (green), later (red), or not yet (grey). A lead that became MQL twice counts twice.</p>
          <p>The share counts answered MQLs only. Overdue now counts MQLs past the SLA at this moment, whatever the range.</p>
          <p>Answered MQLs sit under the rep who answered, waiting ones under the lead&apos;s owner.</p>
        </>
      }
      table={{ caption: "Response SLA by rep", columns: COLUMNS, rows, rowKey: (row) => row.repId ?? "unassigned" }}
      chart={
        <>
          <dl className="mb-3 grid grid-cols-3 gap-3">
            <Figure label="Answered within SLA" value={formatShare(sla.withinSlaShare)} />
            <Figure label="Answered late" value={formatCount(sla.late)} tone={sla.late > 0 ? "text-rose-700" : "text-slate-900"} />
            <Figure label="Overdue now" value={formatCount(sla.overdueNow)} tone={sla.overdueNow > 0 ? "text-rose-700" : "text-slate-900"} />
          </dl>
          <RepOutcomeBars
            rows={rows}
            what="MQLs"
            outcomes={[
              { key: "withinSla", label: "Within SLA", color: OUTCOME_COLORS.within },
              { key: "late", label: "Late", color: OUTCOME_COLORS.late },
              { key: "waiting", label: "Waiting", color: OUTCOME_COLORS.waiting },
            ]}
          />
        </>
      }
    />
  );
}
