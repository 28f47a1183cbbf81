"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { Actor, MoveRule } from "@/lib/core/funnel";
import { availableMoves } from "@/lib/core/funnel";
import { mqlSla, slaUrgency } from "@/lib/core/sla";
import type { Stage } from "@/lib/core/stages";
import type { QueueRow as Row } from "@/lib/views/funnel";
import type { UserOption } from "@/lib/views/settings";
import { LeadCardMenu } from "@/components/board/lead-card-menu";
import { ScoreBadge } from "@/components/score/score-badge";
import { Timestamp } from "@/components/leads/timestamp";
import { useLeadHref } from "@/components/leads/use-lead-href";
import { Button } from "@/components/ui/button";
import { needsDialog, PRIMARY_MOVES } from "./queue-moves";
import { ReassignControl } from "./reassign-control";
import { SlaTimer } from "./sla-timer";

type Props = {
  row: Row;
  /** Just moved by this user, and kept where they saw it (queue-state.ts): it shows what became of it. */
  kept: boolean;
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

/** What became of a lead moved from the queue, by the stage it is in now. */
const OUTCOMES: Partial<Record<Stage, string>> = {
  SAL: "Accepted: now in To qualify",
  SQL: "Qualified: now an SQL, out of the queue",
  LEAD: "Sent back to marketing",
  DISQUALIFIED: "Disqualified",
};

function buttonLabel(rule: MoveRule, dialog: boolean): string {
  const label = rule.move === "reject" ? "Reject" : rule.label;
  return dialog ? `${label}…` : label;
}

/** One lead in the queue: who it is, its SLA or how long it has been accepted, and what can be done with it. */
export function QueueRow({ row, kept, viewer, slaHours, now, showOwner, pending, onChoose, reassign }: Props) {
  // A lead that left the queue is only shown for what became of it; the queue's moves are for MQLs and SALs.
  const inQueue = row.stage === "MQL" || row.stage === "SAL";
  const rules = inQueue ? availableMoves(viewer, row) : [];
  const nameRef = useRef<HTMLAnchorElement>(null);
  // A move replaces the button (or closes the dialog) that had focus: keep keyboard users on this lead, not at the page's start.
  useEffect(() => {
    if (kept && (document.activeElement === null || document.activeElement === document.body)) nameRef.current?.focus();
  }, [kept, row.stage]);
  const leadHref = useLeadHref();
  const primary = rules.filter((rule) => PRIMARY_MOVES.includes(rule.move));
  const others = rules.filter((rule) => !PRIMARY_MOVES.includes(rule.move));
  const sla = row.stage === "MQL" ? mqlSla(new Date(row.stageEnteredAt), slaHours, now) : null;
  const urgency = sla ? slaUrgency(sla, slaHours) : "onTrack";

  return (
    <li
      data-testid="queue-row"
      data-lead-id={row.id}
      data-version={row.version}
      data-kept={kept || undefined}
      aria-busy={pending || undefined}
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 border-l-4 px-4 py-3 ${kept ? "border-l-brand-500 bg-brand-50/40" : EDGE[urgency]} ${pending ? "animate-pulse" : ""}`}
    >
      <div className="min-w-48 flex-1">
        <p className="flex items-center gap-2">
          <Link ref={nameRef} href={leadHref(row.id)} prefetch={false} className="truncate text-sm font-semibold text-slate-900 hover:text-brand-700 hover:underline">
            {row.name}
          </Link>
          <ScoreBadge total={row.totalScore} fit={row.fitScore} engagement={row.engagementScore} />
        </p>
        <p className="truncate text-xs text-slate-600">
          {[row.company ?? row.email, row.title, row.country, row.source && `via ${row.source}`].filter(Boolean).join(" · ")}
        </p>
        {showOwner && row.ownerName && <p className="text-xs text-slate-500">Owner: {row.ownerName}</p>}
        {kept && (
          <p className="mt-1 inline-flex rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-700" data-testid="queue-row-outcome">
            {OUTCOMES[row.stage] ?? `Moved to ${row.stage}`}
          </p>
        )}
      </div>

      <div className="shrink-0 text-xs text-slate-600">
        {sla ? (
          <SlaTimer status={sla} urgency={urgency} slaHours={slaHours} />
        ) : (
          row.stage === "SAL" && (
            <span>
              Accepted <Timestamp iso={row.stageEnteredAt} now={now.toISOString()} />
            </span>
          )
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
        {reassign && inQueue && <ReassignControl leadName={row.name} ownerId={row.ownerId} reps={reassign.reps} pending={pending} onReassign={(assigneeId) => reassign.onReassign(row, assigneeId)} />}
      </div>
    </li>
  );
}
