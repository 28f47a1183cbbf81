"use client";

import { useState } from "react";
import type { BoardCard } from "@/lib/core/board";
import type { Actor, MoveDetails, MoveRule } from "@/lib/core/funnel";
import { bulkAssignAction } from "@/lib/server/funnel/bulk-lead-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import type { FieldErrors } from "@/lib/server/errors";
import type { QueueRow, QueueSectionId, SalesQueue } from "@/lib/views/funnel";
import type { UserOption } from "@/lib/views/settings";
import { useToast } from "@/components/ui/toast";
import { moveMessage, needsDialog } from "./queue-moves";
import type { KeptLead, QueueState, ShownRow } from "./queue-state";
import { initialQueueState, keepInPlace, mergeCard, placeLead, sectionOf, shownRows, updateKept, withoutLead } from "./queue-state";

type QueueDialog = { row: QueueRow; rule: MoveRule };

const sameScope = (a: SalesQueue["scope"], b: SalesQueue["scope"]) => a.kind === b.kind && (a.kind === "allReps" || (b.kind === "rep" && a.repId === b.repId));

/**
 * The queue as the rep works it: moves and reassignments are sent one row at a time, and each
 * answer puts the lead where it now belongs, or says plainly why not (someone else moved it).
 */
export function useQueueActions(queue: SalesQueue, viewer: Actor, reps: UserOption[]) {
  const toast = useToast();
  const [source, setSource] = useState(queue);
  const [state, setState] = useState<QueueState>(() => initialQueueState(queue.sections));
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<QueueDialog | null>(null);
  const [dialogErrors, setDialogErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [kept, setKept] = useState<KeptLead[]>([]);

  // A new server answer (another rep, more rows) replaces what was shown; the leads just moved
  // stay in place unless it is another rep's queue now.
  if (queue !== source) {
    setSource(queue);
    setState(initialQueueState(queue.sections));
    if (!sameScope(queue.scope, source.scope)) setKept([]);
  }
  const shown = Object.fromEntries(Object.values(state).map((section) => [section.id, shownRows(section, kept)])) as Record<QueueSectionId, ShownRow[]>;

  const setPending = (id: string, pending: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  const place = (lead: QueueRow) => setState((current) => placeLead(current, lead, queue.scope));

  function openDialog(row: QueueRow, rule: MoveRule, errors: FieldErrors = {}) {
    setDialogErrors(errors);
    setDialog({ row, rule });
  }

  async function move(row: QueueRow, rule: MoveRule, details: MoveDetails) {
    setPending(row.id, true);
    const result = await moveLeadAction({ leadId: row.id, version: row.version, move: rule.move, ...details });
    setPending(row.id, false);
    if (result.ok) {
      const moved = mergeCard(row, result.data);
      place(moved);
      setKept((current) => keepInPlace(current, shown, moved));
      setDialog(null);
      toast.show("success", moveMessage(rule, moved, sectionOf(moved, queue.scope)));
      return;
    }
    const { code, message, fieldErrors, details: errorDetails } = result.error;
    if (code === "VALIDATION") {
      // What the move needs is asked for in the dialog, which opens if the one-click move fell short.
      openDialog(row, rule, fieldErrors ?? { form: message });
      return;
    }
    setDialog(null);
    const actual = (errorDetails as { lead?: BoardCard } | undefined)?.lead;
    if (actual) {
      const current = mergeCard(row, actual);
      place(current);
      setKept((leads) => updateKept(leads, current));
    } else if (code === "NOT_FOUND") {
      setState((current) => withoutLead(current, row.id));
      setKept((leads) => leads.filter((lead) => lead.row.id !== row.id));
    }
    setNotice(`${row.name}: ${message}`);
  }

  function choose(row: QueueRow, rule: MoveRule) {
    if (needsDialog(rule, viewer, row)) openDialog(row, rule);
    // A manager accepting a rep's MQL accepts it for that rep.
    else void move(row, rule, rule.move === "accept" && viewer.role === "MANAGER" && row.ownerId ? { assigneeId: row.ownerId } : {});
  }

  async function reassign(row: QueueRow, assigneeId: string): Promise<string | null> {
    setPending(row.id, true);
    const result = await bulkAssignAction({ leadIds: [row.id], assigneeId });
    setPending(row.id, false);
    if (!result.ok) return result.error.fieldErrors?.assigneeId ?? result.error.message;
    const [outcome] = result.data.rows;
    if (outcome.status !== "done") return outcome.message ?? "Nothing changed.";
    const rep = reps.find((candidate) => candidate.id === assigneeId);
    // The reassignment counts as a change of the lead, like any other write.
    const reassigned = { ...row, ownerId: assigneeId, ownerName: rep?.name ?? null, version: row.version + 1 };
    place(reassigned);
    setKept((leads) => updateKept(leads, reassigned));
    toast.show("success", `${row.name} reassigned to ${rep?.name ?? "the chosen rep"}.`);
    return null;
  }

  return {
    state,
    shown,
    pendingIds,
    dialog,
    dialogErrors,
    notice,
    dismissNotice: () => setNotice(null),
    choose,
    confirm: (details: MoveDetails) => dialog && void move(dialog.row, dialog.rule, details),
    cancelDialog: () => setDialog(null),
    reassign,
  };
}
