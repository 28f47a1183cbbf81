"use client";

import { useDroppable } from "@dnd-kit/core";
import type { BoardCard, BoardColumn as Column } from "@/lib/core/board";
import type { MoveRule } from "@/lib/core/funnel";
import { STAGE_LABELS } from "@/lib/core/stages";
import { Button } from "@/components/ui/button";
import { LeadCard } from "./lead-card";

type Props = {
  column: Column;
  now: Date;
  pendingIds: ReadonlySet<string>;
  /** While a card is dragged: whether it may be dropped here. Null when nothing is dragged. */
  dropAllowed: boolean | null;
  loadingMore: boolean;
  rulesFor: (card: BoardCard) => MoveRule[];
  onChooseMove: (card: BoardCard, rule: MoveRule) => void;
  onLoadMore: () => void;
};

export function BoardColumn({ column, now, pendingIds, dropAllowed, loadingMore, rulesFor, onChooseMove, onLoadMore }: Props) {
  // A column that refuses the dragged lead still takes the drop, so the board can say why it refuses.
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const headingId = `column-${column.stage}`;
  const ring = dropAllowed === null ? "" : dropAllowed ? (isOver ? "ring-2 ring-brand-500 bg-brand-50" : "ring-2 ring-brand-200") : "opacity-50";
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${column.stage}`}
      className={`flex w-72 shrink-0 flex-col rounded-xl bg-slate-100/80 transition ${ring}`}
    >
      <header className="flex items-center justify-between px-3 pb-2 pt-3">
        <h2 id={headingId} className="text-sm font-semibold text-slate-800">
          {column.stage} <span className="font-normal text-slate-600">· {STAGE_LABELS[column.stage]}</span>
        </h2>
        <span className="rounded-full bg-white px-2 py-0.5 text-xs font-semibold tabular-nums text-slate-700" data-testid="column-count" aria-label={`${column.count} leads`}>
          {column.count.toLocaleString("en-US")}
        </span>
      </header>
      <ol className="flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2" aria-label={`${column.stage} leads`}>
        {column.cards.map((card) => (
          <LeadCard key={card.id} card={card} rules={rulesFor(card)} now={now} pending={pendingIds.has(card.id)} onChooseMove={onChooseMove} />
        ))}
        {column.cards.length === 0 && <li className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-600">No leads here</li>}
      </ol>
      {column.nextCursor && (
        <div className="px-2 pb-3">
          <Button variant="secondary" className="w-full" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? "Loading…" : `Load more (${(column.count - column.cards.length).toLocaleString("en-US")} more)`}
          </Button>
        </div>
      )}
    </section>
  );
}
