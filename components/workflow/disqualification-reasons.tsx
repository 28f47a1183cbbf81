"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import {
  createReasonAction,
  renameReasonAction,
  reorderReasonsAction,
  setReasonActiveAction,
} from "@/lib/server/actions/workflow-settings";
import type { ReasonRow as Reason } from "@/lib/server/disqualification-reasons";
import type { ActionResult, FieldErrors } from "@/lib/server/errors";
import { AddReasonForm } from "./add-reason-form";
import { moved } from "./move-buttons";
import { ReasonRow } from "./reason-row";
import { useConfirmation } from "./use-confirmation";

const UNREACHABLE = "Can't reach the server right now; nothing was changed. Try again.";

/** The managed list people pick from when they disqualify a lead; every change is saved at once. */
export function DisqualificationReasons({ reasons }: { reasons: Reason[] }) {
  const router = useRouter();
  const toast = useToast();
  // A move shows at once; the page's fresh list replaces it once the server has it.
  const [shown, setShown] = useState({ from: reasons, rows: reasons });
  if (shown.from !== reasons) setShown({ from: reasons, rows: reasons });
  const rows = shown.rows;
  const [announcement, setAnnouncement] = useState("");
  const deactivation = useConfirmation<Reason>();
  const deactivating = deactivation.subject;

  /** Runs one change; refusals without a field to show them on become an error toast. */
  async function run<T>(change: Promise<ActionResult<T>>, success: string | null): Promise<FieldErrors | null> {
    const result = await change.catch(() => null);
    if (result?.ok) {
      if (success) toast.show("success", success);
      router.refresh();
      return null;
    }
    const fieldErrors = result?.error.fieldErrors;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) return fieldErrors;
    toast.show("error", result?.error.message ?? UNREACHABLE);
    return {};
  }

  // The list itself shows a move, and the focus follows the reason; a toast per step would pile up.
  async function move(index: number, delta: -1 | 1) {
    const next = moved(rows, index, delta);
    setShown({ from: reasons, rows: next });
    setAnnouncement(`${rows[index].label} is now number ${index + delta + 1} of ${rows.length}.`);
    const refused = await run(reorderReasonsAction({ ids: next.map((reason) => reason.id) }), null);
    if (refused) {
      setShown({ from: reasons, rows: reasons });
      setAnnouncement("");
    }
  }

  const active = rows.filter((reason) => reason.active).length;
  return (
    <section aria-labelledby="reasons-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id="reasons-heading" className="text-base font-semibold text-slate-900">
          Disqualification reasons <span className="ml-1 text-sm font-normal text-slate-500">({active} active)</span>
        </h2>
        <div className="mt-1 max-w-3xl space-y-1 text-sm text-slate-600">
          <p>The list people pick from when they disqualify a lead, in this order. Every change here is saved at once.</p>
          <p>A deactivated reason is no longer offered, but stays on the leads already disqualified with it; reactivate it to offer it again.</p>
        </div>
      </header>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No reasons yet. Add one below: nobody can disqualify a lead without a reason.</p>
      ) : (
        <ol className="divide-y divide-slate-100 px-5" aria-label="Disqualification reasons">
          {rows.map((reason, index) => (
            <ReasonRow
              key={reason.id}
              reason={reason}
              index={index}
              count={rows.length}
              onMove={(delta) => void move(index, delta)}
              onRename={(label) => run(renameReasonAction({ id: reason.id, label }), `Renamed "${reason.label}" to "${label.trim()}".`)}
              onDeactivate={() => deactivation.ask(reason)}
              onReactivate={() => void run(setReasonActiveAction({ id: reason.id, active: true }), `"${reason.label}" is offered again.`)}
            />
          ))}
        </ol>
      )}
      <div className="border-t border-slate-100 px-5 py-4">
        <AddReasonForm onAdd={(label) => run(createReasonAction({ label }), `Added "${label.trim()}" at the end of the list.`)} />
      </div>
      {deactivating && (
        <ConfirmDialog
          title={`Deactivate "${deactivating.label}"?`}
          confirmLabel="Deactivate"
          onCancel={deactivation.dismiss}
          onConfirm={() => {
            deactivation.dismiss();
            void run(setReasonActiveAction({ id: deactivating.id, active: false }), `"${deactivating.label}" is no longer offered.`);
          }}
        >
          It will no longer be offered when someone disqualifies a lead. {deactivating.uses > 0 && "Leads already disqualified with it keep it as their reason."}
        </ConfirmDialog>
      )}
    </section>
  );
}
