"use client";

import type { DashboardFilters } from "@/lib/core/metrics/segment";
import type { SpeedToLead, SpeedToLeadStats } from "@/lib/core/metrics/types";
import { OUTCOME_COLORS } from "./chart-theme";
import { formatCount, formatMinutes, formatShare, sharePercent } from "./format";
import { MetricCard } from "./metric-card";
import { Figure, RepOutcomeBars } from "./rep-outcome-bars";
import type { MetricColumn } from "./metric-table";
import { useDrillDown } from "./use-drill-down";

type Row = SpeedToLeadStats & { key: string; name: string; withinHourOnly: number; later: number };

const COLUMNS: MetricColumn<Row>[] = [
  { header: "Rep", value: (row) => row.name },
  { header: "Answered", value: (row) => row.answered, cell: (row) => formatCount(row.answered), numeric: true },
  { header: "Median", csvHeader: "Median (minutes)", value: (row) => row.medianMinutes ?? "", cell: (row) => formatMinutes(row.medianMinutes), numeric: true },
  { header: "90th percentile", csvHeader: "90th percentile (minutes)", value: (row) => row.p90Minutes ?? "", cell: (row) => formatMinutes(row.p90Minutes), numeric: true },
  { header: "Within 5 minutes", csvHeader: "Within 5 minutes (%)", value: (row) => sharePercent(row.within5MinutesShare), cell: (row) => formatShare(row.within5MinutesShare), numeric: true },
  { header: "Within an hour", csvHeader: "Within an hour (%)", value: (row) => sharePercent(row.withinHourShare), cell: (row) => formatShare(row.withinHourShare), numeric: true },
];

/** How fast sales answered new MQLs: the wait from MQL to accept or reject, overall and per rep. */
export function SpeedToLeadSection({ speed, filters, people }: { speed: SpeedToLead; filters: DashboardFilters; people: Record<string, string> }) {
  const drillDown = useDrillDown(filters);
  const rows: Row[] = speed.byRep.map((row) => ({
    ...row,
    key: row.repId ?? "nobody",
    name: row.repId === null ? "Not signed" : (people[row.repId] ?? "Unknown user"),
    withinHourOnly: row.withinHour - row.within5Minutes,
    later: row.answered - row.withinHour,
  }));

  return (
    <MetricCard
      id="speed-to-lead"
      title="Speed to lead"
      range={filters}
      drillDown={drillDown}
      emptyMessage={speed.answered === 0 ? "Sales answered no MQL of this range yet." : null}
      description={<p>How soon sales answered new MQLs. Answering within minutes rather than hours makes qualifying a lead far likelier.</p>}
      howComputed={
        <>
          <p>Every entry into MQL in the range that a rep accepted or rejected, and the time from the entry to that answer. A lead that became MQL twice counts twice.</p>
          <p>MQLs nobody has answered yet are not timed here; the response SLA counts them as waiting. Each answer sits under the rep who gave it.</p>
        </>
      }
      table={{ caption: "Speed to lead by rep", columns: COLUMNS, rows, rowKey: (row) => row.key }}
      chart={
        <>
          <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label="Median wait" value={formatMinutes(speed.medianMinutes)} />
            <Figure label="90th percentile" value={formatMinutes(speed.p90Minutes)} />
            <Figure label="Within 5 minutes" value={formatShare(speed.within5MinutesShare)} />
            <Figure label="Within an hour" value={formatShare(speed.withinHourShare)} />
          </dl>
          <RepOutcomeBars
            rows={rows}
            what="answered MQLs"
            outcomes={[
              { key: "within5Minutes", label: "Within 5 minutes", color: OUTCOME_COLORS.within },
              { key: "withinHourOnly", label: "Within an hour", color: OUTCOME_COLORS.p90 },
              { key: "later", label: "Later", color: OUTCOME_COLORS.waiting },
            ]}
          />
        </>
      }
    />
  );
}
