"use client";

import { useState } from "react";
import { REASON_MIN_LENGTH } from "@/lib/core/funnel";
import { can, canMakeMove } from "@/lib/core/permissions";
import { OTHER_REASON_CODE, OTHER_REASON_LABEL } from "@/lib/core/reasons";
import type { Role } from "@/lib/core/roles";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type BulkRequest = { kind: "markMql" } | { kind: "assign"; assigneeId: string; assigneeName: string } | { kind: "disqualify"; reasonCode: string; reasonLabel: string; note: string };

type Props = {
  count: number;
  /** The selection is every lead matching the filter rather than ticked rows. */
  allMatching: boolean;
  /** How many leads the filter matches, to offer "select all matching". */
  matchingTotal: number;
  allOnPageSelected: boolean;
  viewerRole: Role;
  reps: UserOption[];
  reasons: ReasonOption[];
  busy: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onRun: (request: BulkRequest) => void;
  onExport: () => void;
};

const numberFormat = new Intl.NumberFormat("en-US");
const selectClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function describe(request: BulkRequest, count: string): { title: string; body: string; confirm: string } {
  if (request.kind === "markMql") return { title: `Mark ${count} leads as MQL?`, body: "Leads in LEAD become MQLs and are routed to sales reps; others are reported, not changed.", confirm: "Mark as MQL" };
  if (request.kind === "assign") return { title: `Assign ${count} leads to ${request.assigneeName}?`, body: "Leads in MQL, SAL or SQL get the new owner; every change of owner is recorded.", confirm: "Assign" };
  return { title: `Disqualify ${count} leads?`, body: `Reason: ${request.reasonLabel}. Leads you may not disqualify are reported, not changed. A manager can reopen them.`, confirm: "Disqualify" };
}

/** What can be done with the selected leads; every action asks first and reports per lead. */
export function BulkActionBar({ count, allMatching, matchingTotal, allOnPageSelected, viewerRole, reps, reasons, busy, onSelectAllMatching, onClear, onRun, onExport }: Props) {
  const [pending, setPending] = useState<BulkRequest | null>(null);
  const [assigneeId, setAssigneeId] = useState("");
  const [reasonCode, setReasonCode] = useState("");
  const [note, setNote] = useState("");
  const salesReps = reps.filter((rep) => can(rep.role, "leads.receive"));
  const countText = numberFormat.format(count);
  const canMark = canMakeMove(viewerRole, "markMql");
  const canDisqualify = canMakeMove(viewerRole, "disqualify");
  const confirmation = pending ? describe(pending, countText) : null;
  // "Other" needs the reason written in the note.
  const other = reasonCode === OTHER_REASON_CODE;
  const noteLabel = other ? "Why (required with Other)" : "Note (optional)";

  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-brand-200 bg-brand-50 px-4 py-2 text-sm sm:px-6">
      <p className="font-medium text-brand-900" aria-live="polite">
        {allMatching ? `All ${countText} leads matching the filter` : `${countText} selected`}
      </p>
      {!allMatching && allOnPageSelected && matchingTotal > count && (
        <button type="button" className="font-medium text-brand-700 underline" onClick={onSelectAllMatching}>
          Select all {numberFormat.format(matchingTotal)} matching leads
        </button>
      )}
      <button type="button" className="text-brand-700 underline" onClick={onClear}>
        Clear selection
      </button>
      <span className="mx-1 h-5 w-px bg-brand-200" aria-hidden="true" />
      {canMark && (
        <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: "markMql" })}>
          Mark as MQL
        </Button>
      )}
      {can(viewerRole, "leads.assign") && (
        <span className="flex items-center gap-1">
          <label htmlFor="bulk-assignee" className="sr-only">
            Assign to
          </label>
          <select id="bulk-assignee" className={selectClass} value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
            <option value="">Assign to…</option>
            {salesReps.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={busy || !assigneeId}
            onClick={() => setPending({ kind: "assign", assigneeId, assigneeName: salesReps.find((rep) => rep.id === assigneeId)?.name ?? "the rep" })}
          >
            Assign
          </Button>
        </span>
      )}
      {canDisqualify && (
        <span className="flex items-center gap-1">
          <label htmlFor="bulk-reason" className="sr-only">
            Disqualification reason
          </label>
          <select id="bulk-reason" className={selectClass} value={reasonCode} onChange={(event) => setReasonCode(event.target.value)}>
            <option value="">Disqualify because…</option>
            {reasons.map((reason) => (
              <option key={reason.code} value={reason.code}>
                {reason.label}
              </option>
            ))}
            <option value={OTHER_REASON_CODE}>{OTHER_REASON_LABEL} (write why in the note)</option>
          </select>
          <label htmlFor="bulk-note" className="sr-only">
            {noteLabel}
          </label>
          <input
            id="bulk-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={noteLabel}
            required={other}
            maxLength={500}
            className={`${selectClass} w-40 placeholder:text-slate-500`}
          />
          <Button
            variant="secondary"
            disabled={busy || !reasonCode || (other && note.trim().length < REASON_MIN_LENGTH)}
            onClick={() =>
              setPending({
                kind: "disqualify",
                reasonCode,
                reasonLabel: other ? `${OTHER_REASON_LABEL}: ${note.trim()}` : (reasons.find((reason) => reason.code === reasonCode)?.label ?? reasonCode),
                note,
              })
            }
          >
            Disqualify
          </Button>
        </span>
      )}
      <Button variant="secondary" disabled={busy} onClick={onExport} className="ml-auto">
        Export CSV
      </Button>
      {pending && confirmation && (
        <ConfirmDialog
          title={confirmation.title}
          confirmLabel={confirmation.confirm}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            onRun(pending);
            setPending(null);
          }}
        >
          {confirmation.body}
        </ConfirmDialog>
      )}
    </div>
  );
}
