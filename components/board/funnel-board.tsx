"use client";

import type { DragEndEvent, DragStartEvent } from "@dnd-kit/core";
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { useCallback, useMemo, useState } from "react";
import type { BoardCard, BoardSort, BoardColumn as Column } from "@/lib/core/board";
import { adoptServerColumns, findCard, placeCard } from "@/lib/core/board-state";
import type { MoveDetails, MoveRule } from "@/lib/core/funnel";
import { asksBeforeMoving, availableMoves, movesTo, refusedMoveReason } from "@/lib/core/funnel";
import { can } from "@/lib/core/permissions";
import type { ChecklistItem } from "@/lib/core/qualification";
import type { Role } from "@/lib/core/roles";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import { loadColumnAction } from "@/lib/server/funnel/board-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import type { FieldErrors } from "@/lib/server/errors";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { useToast } from "@/components/ui/toast";
import { BoardColumn } from "./board-column";
import { columnKeyboardCoordinates } from "./column-keyboard-coordinates";
import { LeadCardBody } from "./lead-card";
import type { MoveDialogRequest } from "./move-dialog";
import { MoveDialog } from "./move-dialog";

type Props = {
  initialColumns: Column[];
  viewer: { id: string; role: Role };
  reps: UserOption[];
  reasons: ReasonOption[];
  rejectReasons: ReasonOption[];
  checklist: readonly ChecklistItem[];
  filters: { owner?: string; search?: string; probMin?: number | null };
  sort: BoardSort;
  now: string;
};

export function FunnelBoard({ initialColumns, viewer, reps, reasons, rejectReasons, checklist, filters, sort, now: nowIso }: Props) {
  const toast = useToast();
  const now = useMemo(() => new Date(nowIso), [nowIso]);
  const [columns, setColumns] = useState(initialColumns);
  const [adoptedColumns, setAdoptedColumns] = useState(initialColumns);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const [dragged, setDragged] = useState<BoardCard | null>(null);
  const [dialog, setDialog] = useState<MoveDialogRequest | null>(null);
  const [dialogErrors, setDialogErrors] = useState<FieldErrors>({});
  const [loadingStage, setLoadingStage] = useState<Stage | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  // A live refresh (someone changed a lead) renders the page again with fresh columns. They
  // wait while a card is being dragged, so the drag isn't pulled from under the user.
  if (initialColumns !== adoptedColumns && !dragged) {
    setAdoptedColumns(initialColumns);
    setColumns((current) => adoptServerColumns(current, initialColumns, pendingIds, sort));
  }

  const rulesFor = useCallback((card: BoardCard) => availableMoves(viewer, card), [viewer]);
  const setPending = (id: string, pending: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  async function performMove(card: BoardCard, rule: MoveRule, details: MoveDetails) {
    setPending(card.id, true);
    // Show the move at once; the server's answer confirms it or puts the card back.
    const predictedOwner = rule.move === "accept" ? (viewer.role === "SALES" ? viewer.id : (details.assigneeId ?? card.ownerId)) : card.ownerId;
    const predictedOwnerName = predictedOwner === card.ownerId ? card.ownerName : (reps.find((rep) => rep.id === predictedOwner)?.name ?? null);
    setColumns((current) => placeCard(current, { ...card, stage: rule.to, ownerId: predictedOwner, ownerName: predictedOwnerName, stageEnteredAt: new Date().toISOString() }, sort));
    const result = await moveLeadAction({ leadId: card.id, version: card.version, move: rule.move, ...details });
    setPending(card.id, false);
    if (result.ok) {
      setColumns((current) => placeCard(current, result.data, sort));
      setDialog(null);
      toast.show("success", `${card.name} moved to ${result.data.stage}.`);
      return;
    }
    const actual = (result.error.details as { lead?: BoardCard } | undefined)?.lead;
    setColumns((current) => placeCard(current, actual ?? card, sort));
    if (result.error.code === "VALIDATION" && dialog) {
      setDialogErrors(result.error.fieldErrors ?? { form: result.error.message });
      return;
    }
    setDialog(null);
    toast.show("error", result.error.message);
  }

  function chooseMove(card: BoardCard, rules: MoveRule[]) {
    if (rules.length === 0) return;
    setRefusal(null);
    if (asksBeforeMoving(rules, viewer.role)) {
      setDialogErrors({});
      setDialog({ card, rules });
    } else {
      void performMove(card, rules[0], {});
    }
  }

  /** Why the dragged lead can't go to the column it is over; null when it can, or it isn't over one. */
  function refusalOver(activeId: string | number, overId: string | number | undefined): string | null {
    const card = findCard(columns, String(activeId));
    return card && isStage(overId) ? refusedMoveReason(viewer, card, overId) : null;
  }

  function onDragStart(event: DragStartEvent) {
    setRefusal(null);
    setDragged(findCard(columns, String(event.active.id)) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const card = findCard(columns, String(event.active.id));
    const target = event.over?.id;
    if (!card || !isStage(target) || target === card.stage) return;
    const reason = refusedMoveReason(viewer, card, target);
    if (reason) setRefusal(reason);
    else chooseMove(card, movesTo(viewer, card, target));
  }

  async function loadMore(column: Column) {
    if (!column.nextCursor) return;
    setLoadingStage(column.stage);
    const result = await loadColumnAction({ stage: column.stage, cursor: column.nextCursor, owner: filters.owner, search: filters.search, probMin: filters.probMin, sort });
    setLoadingStage(null);
    if (!result.ok) {
      toast.show("error", result.error.message);
      return;
    }
    setColumns((current) =>
      current.map((existing) => {
        if (existing.stage !== column.stage) return existing;
        const known = new Set(existing.cards.map((c) => c.id));
        return { ...existing, cards: [...existing.cards, ...result.data.cards.filter((c) => !known.has(c.id))], nextCursor: result.data.nextCursor };
      }),
    );
  }

  const allowedTargets = dragged ? new Set(availableMoves(viewer, dragged).map((rule) => rule.to)) : null;

  return (
    <>
      <DndContext
        id="funnel-board"
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{
          screenReaderInstructions: {
            draggable: "To move a lead, press space or enter to pick it up, the left and right arrows to choose a column, and space or enter to drop it. Escape cancels. The Move menu on each card offers the same moves.",
          },
          announcements: {
            onDragStart: ({ active }) => `Picked up ${findCard(columns, String(active.id))?.name ?? "lead"}.`,
            onDragOver: ({ active, over }) => {
              if (!over) return "Not over a column.";
              return refusalOver(active.id, over.id) ? `Over the ${over.id} column, which can't take this lead.` : `Over the ${over.id} column.`;
            },
            // A refused drop is announced as the reason the board shows, not as a drop.
            onDragEnd: ({ active, over }) => (over ? (refusalOver(active.id, over.id) ?? `Dropped on the ${over.id} column.`) : "Dropped outside the columns; nothing moved."),
            onDragCancel: () => "Move cancelled; the lead stays where it was.",
          },
        }}
      >
        <div className="flex h-full flex-col">
          {/* Not a live region of its own: dnd-kit's announces the same words, so they are heard once. */}
          {refusal && (
            <p data-testid="refused-drop" className="mx-4 mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 sm:mx-6">
              {refusal}
            </p>
          )}
          <div className="flex min-h-0 flex-1 gap-3 overflow-x-auto px-4 pb-4 sm:px-6">
            {columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                now={now}
                pendingIds={pendingIds}
                dropAllowed={allowedTargets ? column.stage === dragged?.stage || allowedTargets.has(column.stage) : null}
                loadingMore={loadingStage === column.stage}
                rulesFor={rulesFor}
                onChooseMove={(card, rule) => chooseMove(card, [rule])}
                onLoadMore={() => void loadMore(column)}
              />
            ))}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <div className="w-68 rotate-1 cursor-grabbing rounded-lg border border-brand-300 bg-white p-3 shadow-xl">
              <LeadCardBody card={dragged} now={now} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {dialog && (
        <MoveDialog
          key={`${dialog.card.id}-${dialog.rules.map((rule) => rule.move).join()}`}
          request={dialog}
          viewerRole={viewer.role}
          reps={reps.filter((rep) => can(rep.role, "leads.receive"))}
          reasons={reasons}
          rejectReasons={rejectReasons}
          checklist={checklist}
          errors={dialogErrors}
          pending={pendingIds.has(dialog.card.id)}
          onCancel={() => setDialog(null)}
          onConfirm={(rule, details) => void performMove(dialog.card, rule, details)}
        />
      )}
    </>
  );
}
