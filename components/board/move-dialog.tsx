"use client";

import type { FormEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";
import type { BoardCard } from "@/lib/core/board";
import type { MoveDetails, MoveRule } from "@/lib/core/funnel";
import { REASON_MAX_LENGTH } from "@/lib/core/funnel";
import { OTHER_REASON_CODE, OTHER_REASON_LABEL, REASON_LIST_NAMES, reasonListOf } from "@/lib/core/reasons";
import type { ChecklistItem } from "@/lib/core/qualification";
import type { Role } from "@/lib/core/roles";
import type { FieldErrors } from "@/lib/server/errors";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { Button } from "@/components/ui/button";
import { DealFields, dealDetailsOf, MoveConsequence } from "./deal-fields";

export type MoveDialogRequest = { card: BoardCard; rules: MoveRule[] };

type Props = {
  request: MoveDialogRequest;
  viewerRole: Role;
  reps: UserOption[];
  /** The active disqualification reasons. */
  reasons: ReasonOption[];
  rejectReasons: ReasonOption[];
  checklist: readonly ChecklistItem[];
  errors: FieldErrors;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (rule: MoveRule, details: MoveDetails) => void;
};

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

/** Asks for what a move needs (a reason, the checklist, an owner) before it is made. */
export function MoveDialog({ request, viewerRole, reps, reasons, rejectReasons, checklist, errors, pending, onCancel, onConfirm }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [ruleIndex, setRuleIndex] = useState(0);
  const rule = request.rules[ruleIndex];
  const needs = (requirement: MoveRule["requires"][number]) => rule.requires.includes(requirement);
  const needsAssignee = needs("assignee") && viewerRole === "MANAGER";
  const reasonList = needs("listedReason") ? (reasonListOf(rule.move) ?? "disqualification") : null;
  const [reasonCode, setReasonCode] = useState("");
  // "Other" (and every move without a list) needs the reason written out; a listed one may add a note.
  const reasonRequired = needs("reason") || reasonCode === OTHER_REASON_CODE;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // onSubmit, not a form action: React resets a form after its action, and a refused move must keep what was entered.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const details: MoveDetails = {};
    const reason = String(form.get("reason") ?? "").trim();
    if (reason) details.reason = reason;
    if (needs("listedReason")) details.reasonCode = String(form.get("reasonCode") ?? "") || undefined;
    if (needs("checklist")) details.checklist = Object.fromEntries(checklist.map((item) => [item.key, form.get(`checklist.${item.key}`) === "on"]));
    if (needsAssignee) details.assigneeId = String(form.get("assigneeId") ?? "") || undefined;
    if (needs("deal")) Object.assign(details, dealDetailsOf(form));
    onConfirm(rule, details);
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-xl bg-white p-0 shadow-xl"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {request.rules.length > 1 ? `Move to ${rule.to}` : rule.label}: {request.card.name}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {request.card.company ?? request.card.email} · {rule.from} → {rule.to}
          </p>
        </div>

        {request.rules.length > 1 && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">What kind of move?</legend>
            <div className="mt-2 space-y-2">
              {request.rules.map((candidate, index) => (
                <label key={candidate.move} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="move"
                    checked={index === ruleIndex}
                    onChange={() => {
                      setRuleIndex(index);
                      setReasonCode("");
                    }}
                  />
                  {candidate.label}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {needsAssignee && (
          <div>
            <label htmlFor={`${id}-assignee`} className="block text-sm font-medium text-slate-700">
              Owner (sales rep)
            </label>
            <select id={`${id}-assignee`} name="assigneeId" defaultValue={request.card.ownerId ?? ""} className={fieldClass} aria-invalid={errors.assigneeId ? true : undefined} aria-describedby={`${id}-assignee-error`}>
              <option value="">Choose a rep…</option>
              {reps.map((rep) => (
                <option key={rep.id} value={rep.id}>
                  {rep.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-assignee-error`} message={errors.assigneeId} />
          </div>
        )}

        {reasonList && (
          <div>
            <label htmlFor={`${id}-reason-code`} className="block text-sm font-medium text-slate-700">
              {REASON_LIST_NAMES[reasonList].field}
            </label>
            <select
              id={`${id}-reason-code`}
              name="reasonCode"
              required
              value={reasonCode}
              onChange={(event) => setReasonCode(event.target.value)}
              className={fieldClass}
              aria-invalid={errors.reasonCode ? true : undefined}
              aria-describedby={`${id}-reason-code-error`}
            >
              <option value="" disabled>
                Choose a reason…
              </option>
              {(reasonList === "reject" ? rejectReasons : reasons).map((reason) => (
                <option key={reason.code} value={reason.code}>
                  {reason.label}
                </option>
              ))}
              <option value={OTHER_REASON_CODE}>{OTHER_REASON_LABEL} (write the reason below)</option>
            </select>
            <FieldError id={`${id}-reason-code-error`} message={errors.reasonCode} />
          </div>
        )}

        {needs("checklist") && (
          <fieldset aria-describedby={`${id}-checklist-error`}>
            <legend className="text-sm font-medium text-slate-700">Qualification checklist</legend>
            <p className="text-xs text-slate-500">Confirm each point before the lead becomes sales qualified.</p>
            <div className="mt-2 space-y-2">
              {checklist.map((item) => (
                <label key={item.key} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
                  <input type="checkbox" name={`checklist.${item.key}`} className="mt-0.5" />
                  <span>
                    <span className="font-medium">{item.label}</span>
                    {item.required && <span className="sr-only"> (required)</span>}
                    <span className="block text-xs text-slate-500">{item.hint}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError id={`${id}-checklist-error`} message={errors.checklist} />
          </fieldset>
        )}

        {(needs("reason") || needs("listedReason")) && (
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
              {reasonRequired ? "Reason" : "Note (optional)"}
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={3}
              required={reasonRequired}
              minLength={reasonRequired ? 3 : undefined}
              maxLength={REASON_MAX_LENGTH}
              className={fieldClass}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={`${id}-reason-error`}
              placeholder={rule.move === "reject" ? "Marketing will see this reason in its review." : undefined}
            />
            <FieldError id={`${id}-reason-error`} message={errors.reason} />
          </div>
        )}

        {needs("deal") && <DealFields errors={errors} />}

        <MoveConsequence rule={rule} />

        {errors.form && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {errors.form}
          </p>
        )}

        <div className="flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant={rule.to === "DISQUALIFIED" || rule.to === "LOST" ? "danger" : "primary"} disabled={pending}>
            {pending ? "Moving…" : rule.label}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
