"use client";

import Link from "next/link";
import type { Actor, MoveRule } from "@/lib/core/funnel";
import { availableMoves } from "@/lib/core/funnel";
import { mqlSla, slaUrgency } from "@/lib/core/sla";
import type { UserOption } from "@/lib/server/reference-data";
import type { QueueRow as Row } from "@/lib/server/sales-queue";
import { LeadCardMenu } from "@/components/board/lead-card-menu";
import { ScoreBadge } from "@/components/board/score-badge";
import { Timestamp } from "@/components/leads/timestamp";
import { Button } from "@/components/ui/button";
import { needsDialog, PRIMARY_MOVES } from "./queue-moves";
import { ReassignControl } from "./reassign-control";
import { SlaTimer } from "./sla-timer";

type Props = {
  row: Row;
  viewer: Actor;
  slaHours: number;
  now: Date;
  showOwner: boolean;
  pending: boolean;
  onChoose: (row: Row, rule: MoveRule) => void;
  /** For managers: the reps a lead may be handed to, and how. */
  reassign: { reps: UserOption[]; onReassign: (row: Row, assigneeId: string) => Promise<string | null> } | null;
};

const EDGE = { onTrack: "border-l-transparent", dueSoon: "border-l-amber-400", overdue: "border-l-red-500 bg-red-50/50" } as const;

function buttonLabel(rule: MoveRule, dialog: boolean): string {
  const label = rule.move === "reject" ? "Reject" : rule.label;
  return dialog ? `${label}…` : label;
}

/** One lead in the queue: who it is, its SLA or how long it has been accepted, and what can be done with it. */
export function QueueRow({ row, viewer, slaHours, now, showOwner, pending, onChoose, reassign }: Props) {
  const rules = availableMoves(viewer, row);
  const primary = rules.filter((rule) => PRIMARY_MOVES.includes(rule.move));
  const others = rules.filter((rule) => !PRIMARY_MOVES.includes(rule.move));
  const sla = row.stage === "MQL" ? mqlSla(new Date(row.stageEnteredAt), slaHours, now) : null;
  const urgency = sla ? slaUrgency(sla, slaHours) : "onTrack";

  return (
    <li
      data-testid="queue-row"
      data-lead-id={row.id}
      data-version={row.version}
      aria-busy={pending || undefined}
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 border-l-4 px-4 py-3 ${EDGE[urgency]} ${pending ? "animate-pulse" : ""}`}
    >
      <div className="min-w-48 flex-1">
        <p className="flex items-center gap-2">
          <Link href={`/leads/${row.id}`} prefetch={false} className="truncate text-sm font-semibold text-slate-900 hover:text-brand-700 hover:underline">
            {row.name}
          </Link>
          <ScoreBadge total={row.totalScore} fit={row.fitScore} engagement={row.engagementScore} />
        </p>
        <p className="truncate text-xs text-slate-600">
          {[row.company ?? row.email, row.title, row.country, row.source && `via ${row.source}`].filter(Boolean).join(" · ")}
        </p>
        {showOwner && row.ownerName && <p className="text-xs text-slate-500">Owner: {row.ownerName}</p>}
      </div>

      <div className="shrink-0 text-xs text-slate-600">
        {sla ? (
          <SlaTimer status={sla} urgency={urgency} slaHours={slaHours} />
        ) : (
          <span>
            Accepted <Timestamp iso={row.stageEnteredAt} now={now.toISOString()} />
          </span>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        {primary.map((rule) => {
          const dialog = needsDialog(rule, viewer, row);
          return (
            <Button
              key={rule.move}
              variant={rule.move === "reject" ? "secondary" : "primary"}
              className="px-2.5 py-1.5 text-xs"
              disabled={pending}
              aria-label={`${buttonLabel(rule, dialog)} ${row.name}`}
              title={rule.move === "reject" ? "Send it back to marketing with a reason they will see in their review" : undefined}
              onClick={() => onChoose(row, rule)}
            >
              {buttonLabel(rule, dialog)}
            </Button>
          );
        })}
        {others.length > 0 && <LeadCardMenu leadName={row.name} rules={others} disabled={pending} onChoose={(rule) => onChoose(row, rule)} />}
        {reassign && <ReassignControl leadName={row.name} ownerId={row.ownerId} reps={reassign.reps} pending={pending} onReassign={(assigneeId) => reassign.onReassign(row, assigneeId)} />}
      </div>
    </li>
  );
}
