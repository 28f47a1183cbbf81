"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { columnVisibilityFeature, columnOrderingFeature, createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { LeadColumnId } from "@/lib/core/lead-table";
import { columnLabel, isSortableColumn } from "@/lib/core/lead-table";
import { formatProbability } from "@/lib/core/probability";
import { describeSla, mqlSla } from "@/lib/core/sla";
import type { LeadTableRow } from "@/lib/views/leads";
import { ScoreBadge } from "@/components/score/score-badge";
import { StageBadge } from "@/components/leads/stage-badge";
import { Timestamp } from "@/components/leads/timestamp";

export const leadTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature, columnVisibilityFeature, columnOrderingFeature });
type Features = typeof leadTableFeatures;
export type LeadColumnDef = ColumnDef<Features, LeadTableRow, unknown>;

const helper = createColumnHelper<Features, LeadTableRow>();

/** Numbers and dates sort high/new first on the first click; text sorts A→Z. */
const DESCENDING_FIRST = new Set<string>(["totalScore", "fitScore", "engagementScore", "probability", "stageEnteredAt", "createdAt", "updatedAt", "lastActivityAt"]);

export function sortsDescendingFirst(columnId: string): boolean {
  return DESCENDING_FIRST.has(columnId);
}

function muted(text: string) {
  return <span className="text-slate-500">{text}</span>;
}

function text(value: string | null) {
  return value ? value : muted("—");
}

function StageCell({ row, now, slaHours }: { row: LeadTableRow; now: string; slaHours: number }) {
  const sla = row.stage === "MQL" ? mqlSla(new Date(row.stageEnteredAt), slaHours, new Date(now)) : null;
  return (
    <span className="inline-flex items-center gap-1.5">
      <StageBadge stage={row.stage} />
      {sla?.overdue && (
        <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-700 ring-1 ring-inset ring-red-200" title={`SLA ${slaHours} h: ${describeSla(sla)}`}>
          Overdue
        </span>
      )}
      {row.stage === "LEAD" && row.returnedAt && (
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200" title="A person sent this lead back to marketing">
          Returned
        </span>
      )}
    </span>
  );
}

/** The table's columns; the cells that show times or the SLA need the page's `now`, the name links to the lead. */
export function leadColumns(options: { now: string; slaHours: number; leadHref: (leadId: string) => string }): LeadColumnDef[] {
  const { now, slaHours, leadHref } = options;
  const date = (value: string | null) => (value ? <Timestamp iso={value} now={now} /> : muted("—"));
  const data: Record<LeadColumnId, LeadColumnDef> = {
    name: helper.accessor("name", {
      cell: (info) => (
        <Link href={leadHref(info.row.original.id)} tabIndex={-1} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {info.getValue()}
        </Link>
      ),
    }) as LeadColumnDef,
    company: helper.accessor("company", { cell: (info) => text(info.getValue()) }) as LeadColumnDef,
    email: helper.accessor("email", { cell: (info) => <span className="text-slate-600">{info.getValue()}</span> }) as LeadColumnDef,
    stage: helper.accessor("stage", { cell: (info) => <StageCell row={info.row.original} now={now} slaHours={slaHours} /> }) as LeadColumnDef,
    owner: helper.accessor("ownerName", { id: "owner", cell: (info) => info.getValue() ?? muted("Unassigned") }) as LeadColumnDef,
    totalScore: helper.accessor("totalScore", {
      cell: (info) => <ScoreBadge total={info.getValue()} fit={info.row.original.fitScore} engagement={info.row.original.engagementScore} />,
    }) as LeadColumnDef,
    fitScore: helper.accessor("fitScore", { cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }) as LeadColumnDef,
    engagementScore: helper.accessor("engagementScore", { cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }) as LeadColumnDef,
    probability: helper.accessor("probability", {
      cell: (info) => {
        const probability = info.getValue();
        return probability === null ? muted("—") : <span className="tabular-nums">{formatProbability(probability)}</span>;
      },
    }) as LeadColumnDef,
    source: helper.accessor("source", { cell: (info) => text(info.getValue()) }) as LeadColumnDef,
    industry: helper.accessor("industry", { cell: (info) => text(info.getValue()) }) as LeadColumnDef,
    country: helper.accessor("country", { cell: (info) => text(info.getValue()) }) as LeadColumnDef,
    title: helper.accessor("title", { cell: (info) => text(info.getValue()) }) as LeadColumnDef,
    stageEnteredAt: helper.accessor("stageEnteredAt", { cell: (info) => date(info.getValue()) }) as LeadColumnDef,
    createdAt: helper.accessor("createdAt", { cell: (info) => date(info.getValue()) }) as LeadColumnDef,
    updatedAt: helper.accessor("updatedAt", { cell: (info) => date(info.getValue()) }) as LeadColumnDef,
    lastActivityAt: helper.accessor("lastActivityAt", { cell: (info) => date(info.getValue()) }) as LeadColumnDef,
  };
  return (Object.keys(data) as LeadColumnId[]).map((id) => ({
    ...data[id],
    header: columnLabel(id),
    enableSorting: isSortableColumn(id),
    sortDescFirst: sortsDescendingFirst(id),
  }));
}
