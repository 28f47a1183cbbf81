"use client";

import { DEAL_VALUE_MAX, todayUtc } from "@/lib/core/deal";
import type { MoveDetails, MoveRule } from "@/lib/core/funnel";
import type { FieldErrors } from "@/lib/server/errors";
import { TextField } from "@/components/ui/text-field";

/** What marking a lead won records, as the move form read it; the server checks both. */
export function dealDetailsOf(form: FormData): Pick<MoveDetails, "dealValue" | "closedOn"> {
  const value = String(form.get("dealValue") ?? "").trim();
  const closedOn = String(form.get("closedOn") ?? "").trim();
  return { dealValue: value === "" ? undefined : Number(value), closedOn: closedOn || undefined };
}

/** The won deal's value and close date: the date starts at today (UTC, as the dashboard counts days) and can't be later. */
export function DealFields({ errors }: { errors: FieldErrors }) {
  const today = todayUtc(new Date());
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Deal value" name="dealValue" type="number" inputMode="decimal" required min="0.01" max={DEAL_VALUE_MAX} step="0.01" error={errors.dealValue} />
      <TextField label="Close date" name="closedOn" type="date" required defaultValue={today} max={today} error={errors.closedOn} />
    </div>
  );
}

/** What closing or reopening a deal means, said before the user confirms it. */
export function MoveConsequence({ rule }: { rule: MoveRule }) {
  const text =
    rule.to === "WON" || rule.to === "LOST"
      ? `This closes the deal as ${rule.to === "WON" ? "won" : "lost"}. Only a manager can reopen it.`
      : rule.move === "reopen" && rule.to === "SQL"
        ? "The lead goes back to SQL with its owner; the reason is kept in its stage history."
        : null;
  return text ? <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">{text}</p> : null;
}
