"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDistanceStrict } from "date-fns";
import type { BoardCard } from "@/lib/core/board";
import type { MoveRule } from "@/lib/core/funnel";
import { formatProbability } from "@/lib/core/probability";
import { LeadCardMenu } from "./lead-card-menu";
import { ScoreBadge } from "./score-badge";

type Props = {
  card: BoardCard;
  rules: MoveRule[];
  now: Date;
  pending: boolean;
  onChooseMove: (card: BoardCard, rule: MoveRule) => void;
};

export function LeadCardBody({ card, now, action }: { card: BoardCard; now: Date; action?: ReactNode }) {
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-slate-900" title={card.name}>
            {/* A click opens the lead and a drag (5px or more) moves the card, even from the name.
                Enter on the focused card picks it up, so on the name it must reach the link instead.
                A board holds hundreds of names, so none is prefetched; the lead page's loading state shows at once. */}
            <Link
              href={`/leads/${card.id}`}
              prefetch={false}
              onKeyDown={(event) => event.stopPropagation()}
              className="rounded-sm hover:text-brand-700 hover:underline"
            >
              {card.name}
            </Link>
          </p>
          <p className="truncate text-xs text-slate-600" title={card.company ?? card.email}>
            {card.company ?? card.email}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <ScoreBadge total={card.totalScore} fit={card.fitScore} engagement={card.engagementScore} />
          {card.probability !== null && (
            <span className="text-xs font-medium tabular-nums text-brand-700" data-testid="card-probability" title="Likely to buy, as the predictive model estimates">
              {formatProbability(card.probability)} likely
            </span>
          )}
        </div>
      </div>
      <div className="mt-2 flex items-center justify-between gap-2 text-xs text-slate-500">
        <span data-testid="card-owner" className="min-w-0 truncate" title={card.ownerName ? `Owner: ${card.ownerName}` : "No owner yet"}>
          {card.ownerName ?? "Unassigned"}
        </span>
        <span className="ml-auto shrink-0 whitespace-nowrap" title={`In ${card.stage} since ${new Date(card.stageEnteredAt).toLocaleString("en-GB")}`}>
          {formatDistanceStrict(new Date(card.stageEnteredAt), now)} in stage
        </span>
        {action}
      </div>
    </>
  );
}

export function LeadCard({ card, rules, now, pending, onChooseMove }: Props) {
  const movable = rules.length > 0 && !pending;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, disabled: !movable, data: { card } });
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-roledescription={movable ? "draggable lead" : "lead"}
      aria-label={`${card.name}, ${card.company ?? card.email}, score ${card.totalScore}${card.probability === null ? "" : `, likely to buy ${formatProbability(card.probability)}`}, owner ${card.ownerName ?? "none"}`}
      aria-busy={pending || undefined}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-version={card.version}
      className={`group rounded-lg border bg-white p-3 shadow-sm transition ${isDragging ? "opacity-40" : ""} ${pending ? "animate-pulse border-brand-300" : "border-slate-200 hover:border-slate-300"} ${movable ? "cursor-grab" : "cursor-default"}`}
    >
      <LeadCardBody
        card={card}
        now={now}
        action={rules.length > 0 && <LeadCardMenu leadName={card.name} rules={rules} disabled={pending} onChoose={(rule) => onChooseMove(card, rule)} />}
      />
    </li>
  );
}
