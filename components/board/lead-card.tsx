"use client";

import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDistanceStrict } from "date-fns";
import type { BoardCard } from "@/lib/core/board";
import type { MoveRule } from "@/lib/core/funnel";
import { formatProbability } from "@/lib/core/probability";
import { useLeadHref } from "@/components/leads/use-lead-href";
import { LeadCardMenu } from "./lead-card-menu";
import { ScoreBadge } from "@/components/score/score-badge";

type Props = {
  card: BoardCard;
  rules: MoveRule[];
  now: Date;
  pending: boolean;
  onChooseMove: (card: BoardCard, rule: MoveRule) => void;
};

export function LeadCardBody({ card, now, action }: { card: BoardCard; now: Date; action?: ReactNode }) {
  const leadHref = useLeadHref();
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-slate-900" title={card.name}>
            {/* A click opens the lead and a drag (5px or more) moves the card, even from the name.
                A board holds hundreds of names, so none is prefetched; the lead page's loading state shows at once. */}
            <Link href={leadHref(card.id)} prefetch={false} className="rounded-sm hover:text-brand-700 hover:underline">
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

/**
 * The card's own keyboard way to drag: space or enter lifts it. It holds nothing else, since the card's
 * name link and Move menu can't sit inside another control.
 */
function DragHandle({ leadName, disabled, activatorRef, attributes, listeners }: {
  leadName: string;
  disabled: boolean;
  activatorRef: (element: HTMLElement | null) => void;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
}) {
  return (
    <button
      ref={activatorRef}
      type="button"
      {...attributes}
      aria-label={`Drag ${leadName}`}
      title="Drag to another column, or press space and the arrow keys"
      disabled={disabled}
      {...listeners}
      className="-my-0.5 shrink-0 cursor-grab rounded border border-slate-200 px-1 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40"
    >
      <svg aria-hidden="true" viewBox="0 0 10 16" className="h-3.5 w-2.5 fill-current">
        {[3, 8, 13].flatMap((y) => [<circle key={`l${y}`} cx="2.5" cy={y} r="1.5" />, <circle key={`r${y}`} cx="7.5" cy={y} r="1.5" />])}
      </svg>
    </button>
  );
}

export function LeadCard({ card, rules, now, pending, onChooseMove }: Props) {
  const movable = rules.length > 0 && !pending;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, disabled: !movable, data: { card } });
  // The pointer may grab the card anywhere; the keyboard lifts it by its handle alone.
  const { onKeyDown: liftByKeyboard, ...pointerListeners } = listeners ?? {};
  return (
    <li
      ref={setNodeRef}
      {...pointerListeners}
      aria-busy={pending || undefined}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-version={card.version}
      className={`group rounded-lg border bg-white p-3 shadow-sm transition ${isDragging ? "opacity-40" : ""} ${pending ? "animate-pulse border-brand-300" : "border-slate-200 hover:border-slate-300"} ${movable ? "cursor-grab" : "cursor-default"}`}
    >
      <LeadCardBody
        card={card}
        now={now}
        action={
          rules.length > 0 && (
            <>
              <DragHandle leadName={card.name} disabled={pending} activatorRef={setActivatorNodeRef} attributes={attributes} listeners={liftByKeyboard && { onKeyDown: liftByKeyboard }} />
              <LeadCardMenu leadName={card.name} rules={rules} disabled={pending} onChoose={(rule) => onChooseMove(card, rule)} />
            </>
          )
        }
      />
    </li>
  );
}
