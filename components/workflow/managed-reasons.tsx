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
} from "@/lib/server/settings/workflow-settings-actions";
import type { ReasonList } from "@/lib/core/reasons";
import type { ReasonRow as Reason } from "@/lib/views/settings";
import type { ActionResult, FieldErrors } from "@/lib/server/errors";
import { AddReasonForm } from "./add-reason-form";
import { moved } from "./move-buttons";
import { ReasonRow } from "./reason-row";
import { useConfirmation } from "./use-confirmation";

const UNREACHABLE = "Can't reach the server right now; nothing was changed. Try again.";

/** What differs between the lists: their name and when people pick from them. */
const TEXTS: Record<ReasonList, { title: string; usedWhen: string; keptOn: string; empty: string; placeholder: string }> = {
  disqualification: {
    title: "Disqualification reasons",
    usedWhen: "disqualify a lead",
    keptOn: "the leads already disqualified with it",
    empty: "nobody can disqualify a lead without a reason",
    placeholder: "e.g. Company too small",
  },
  reject: {
    title: "Reject reasons",
    usedWhen: "reject an MQL back to marketing",
    keptOn: "the leads already rejected with it",
    empty: "until you do, sales can only reject with Other",
    placeholder: "e.g. Outside our sales territory",
  },
};

/** A managed list people pick from (besides "Other", which needs a written reason); every change is saved at once. */
export function ManagedReasons({ list, reasons }: { list: ReasonList; reasons: Reason[] }) {
  const text = TEXTS[list];
  const headingId = `${list}-reasons-heading`;
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
    const refused = await run(reorderReasonsAction({ list, ids: next.map((reason) => reason.id) }), null);
    if (refused) {
      setShown({ from: reasons, rows: reasons });
      setAnnouncement("");
    }
  }

  const active = rows.filter((reason) => reason.active).length;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {text.title} <span className="ml-1 text-sm font-normal text-slate-500">({active} active)</span>
        </h2>
        <div className="mt-1 max-w-3xl space-y-1 text-sm text-slate-600">
          <p>
            The list people pick from when they {text.usedWhen}, in this order; &ldquo;Other&rdquo; is always offered after it and needs a written reason. Every change
            here is saved at once.
          </p>
          <p>A deactivated reason is no longer offered, but stays on {text.keptOn}; reactivate it to offer it again.</p>
        </div>
      </header>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No reasons yet. Add one below: {text.empty}.</p>
      ) : (
        <ol className="divide-y divide-slate-100 px-5" aria-label={text.title}>
          {rows.map((reason, index) => (
            <ReasonRow
              key={reason.id}
              reason={reason}
              index={index}
              count={rows.length}
              onMove={(delta) => void move(index, delta)}
              onRename={(label) => run(renameReasonAction({ list, id: reason.id, label }), `Renamed "${reason.label}" to "${label.trim()}".`)}
              onDeactivate={() => deactivation.ask(reason)}
              onReactivate={() => void run(setReasonActiveAction({ list, id: reason.id, active: true }), `"${reason.label}" is offered again.`)}
            />
          ))}
        </ol>
      )}
      <div className="border-t border-slate-100 px-5 py-4">
        <AddReasonForm usedWhen={text.usedWhen} placeholder={text.placeholder} onAdd={(label) => run(createReasonAction({ list, label }), `Added "${label.trim()}" at the end of the list.`)} />
      </div>
      {deactivating && (
        <ConfirmDialog
          title={`Deactivate "${deactivating.label}"?`}
          confirmLabel="Deactivate"
          onCancel={deactivation.dismiss}
          onConfirm={() => {
            deactivation.dismiss();
            void run(setReasonActiveAction({ list, id: deactivating.id, active: false }), `"${deactivating.label}" is no longer offered.`);
          }}
        >
          It will no longer be offered when people {text.usedWhen}. {deactivating.uses > 0 && `It stays the reason on ${text.keptOn}.`}
        </ConfirmDialog>
      )}
    </section>
  );
}
