"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { BoardCard } from "@/lib/core/board";
import type { Actor, Move, MoveDetails, MoveRule } from "@/lib/core/funnel";
import { availableMoves } from "@/lib/core/funnel";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import type { FieldErrors } from "@/lib/server/errors";
import type { ReviewRow as Row, ReviewTab, ReviewThreshold } from "@/lib/views/funnel";
import type { ReasonOption } from "@/lib/views/settings";
import { MoveDialog } from "@/components/board/move-dialog";
import { useToast } from "@/components/ui/toast";
import { ReviewRow } from "./review-row";
import { REVIEW_TAB_TEXT } from "./review-tab-text";

type Props = {
  tab: ReviewTab;
  rows: Row[];
  threshold: ReviewThreshold;
  slaHours: number;
  viewer: Actor;
  reasons: ReasonOption[];
  now: string;
};

/** The review decides what marketing hands to sales; accepting and rejecting stay with sales (the queue, the board). */
const REVIEW_MOVES: readonly Move[] = ["markMql", "nurture", "disqualify"];

type DialogState = { row: Row; rule: MoveRule; opener: HTMLButtonElement };
/** A lead someone else moved first: where it really is now, and the message saying so. */
type MovedElsewhere = { card: BoardCard; notice: string };

function outcome(name: string, card: BoardCard): string {
  if (card.stage === "MQL") return `${name} is now an MQL. ${card.ownerName ? `Routed to ${card.ownerName}.` : "No rep could take it, so it waits unassigned."}`;
  if (card.stage === "DISQUALIFIED") return `${name} was disqualified.`;
  if (card.stage === "LEAD") return `${name} was sent to nurture.`;
  return `${name} moved to ${card.stage}.`;
}

/** The leads of one review tab, each with its explanation on demand and the moves marketing makes. */
export function ReviewList({ tab, rows, threshold, slaHours, viewer, reasons, now }: Props) {
  const toast = useToast();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [movedElsewhere, setMovedElsewhere] = useState<ReadonlyMap<string, MovedElsewhere>>(new Map());
  const [pending, setPending] = useState<ReadonlyMap<string, Move>>(new Map());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [dialogErrors, setDialogErrors] = useState<FieldErrors>({});
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLHeadingElement>(null);
  // Where focus goes once a decided row has left the list: the next row's name, or the empty state.
  const focusAfterRemoval = useRef<string | null>(null);

  const visible = rows.flatMap((row) => {
    if (removed.has(row.id)) return [];
    const elsewhere = movedElsewhere.get(row.id);
    return [elsewhere && elsewhere.card.version >= row.version ? { row: { ...row, ...elsewhere.card }, notice: elsewhere.notice } : { row, notice: null }];
  });

  useEffect(() => {
    const target = focusAfterRemoval.current;
    if (target === null) return;
    focusAfterRemoval.current = null;
    const link = listRef.current?.querySelector<HTMLElement>(`[data-lead-id="${target}"] h3 a`);
    (link ?? emptyRef.current)?.focus();
  }, [removed]);

  const setPendingMove = (leadId: string, move: Move | null) =>
    setPending((current) => {
      const next = new Map(current);
      if (move) next.set(leadId, move);
      else next.delete(leadId);
      return next;
    });

  function closeDialog() {
    dialog?.opener.focus();
    setDialog(null);
  }

  async function perform(row: Row, rule: MoveRule, details: MoveDetails) {
    setPendingMove(row.id, rule.move);
    const result = await moveLeadAction({ leadId: row.id, version: row.version, move: rule.move, ...details });
    setPendingMove(row.id, null);
    if (result.ok) {
      const index = visible.findIndex((entry) => entry.row.id === row.id);
      focusAfterRemoval.current = (visible[index + 1] ?? visible[index - 1])?.row.id ?? "";
      setDialog(null);
      setRemoved((current) => new Set(current).add(row.id));
      toast.show("success", outcome(row.name, result.data));
      // Every review move takes the lead out of its tab: fresh counts, and the page fills up from the next one.
      startRefresh(() => router.refresh());
      return;
    }
    if (result.error.code === "VALIDATION" && rule.requires.length > 0) {
      setDialogErrors(result.error.fieldErrors ?? { form: result.error.message });
      return;
    }
    closeDialog();
    const actual = (result.error.details as { lead?: BoardCard } | undefined)?.lead;
    if (actual) setMovedElsewhere((current) => new Map(current).set(row.id, { card: actual, notice: result.error.message }));
    toast.show("error", result.error.message);
  }

  function choose(row: Row, rule: MoveRule, opener: HTMLButtonElement) {
    if (rule.requires.length === 0) {
      void perform(row, rule, {});
      return;
    }
    setDialogErrors({});
    setDialog({ row, rule, opener });
  }

  const text = REVIEW_TAB_TEXT[tab];
  return (
    <section aria-labelledby="review-list-heading">
      <h2 id="review-list-heading" className="sr-only">
        {text.label}
      </h2>
      {visible.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center" data-testid="review-empty">
          <h3 ref={emptyRef} tabIndex={-1} className="text-base font-semibold text-slate-800 focus:outline-none">
            {text.empty}
          </h3>
          <p className="mt-1 text-sm text-slate-500">{text.emptyHint(threshold.minimumScore)}</p>
        </div>
      ) : (
        <ul ref={listRef} className="space-y-3">
          {visible.map(({ row, notice }) => (
            <ReviewRow
              key={row.id}
              row={row}
              threshold={threshold}
              slaHours={slaHours}
              now={now}
              rules={availableMoves(viewer, row).filter((rule) => REVIEW_MOVES.includes(rule.move))}
              pendingMove={pending.get(row.id) ?? null}
              notice={notice}
              onChoose={choose}
            />
          ))}
        </ul>
      )}
      {dialog && (
        <MoveDialog
          key={`${dialog.row.id}-${dialog.rule.move}`}
          request={{ card: dialog.row, rules: [dialog.rule] }}
          viewerRole={viewer.role}
          reps={[]}
          reasons={reasons}
          rejectReasons={[]}
          checklist={[]}
          errors={dialogErrors}
          pending={pending.has(dialog.row.id)}
          onCancel={closeDialog}
          onConfirm={(rule, details) => void perform(dialog.row, rule, details)}
        />
      )}
    </section>
  );
}
