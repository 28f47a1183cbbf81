"use client";

import type { FormEvent } from "react";
import { useState } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ReasonRow as Reason } from "@/lib/views/settings";
import type { FieldErrors } from "@/lib/server/errors";
import { MoveButtons } from "./move-buttons";

type Props = {
  reason: Reason;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRename: (label: string) => Promise<FieldErrors | null>;
  onDeactivate: () => void;
  onReactivate: () => void;
};

/** One reason: its label and code, how often it was used, and what can be done with it. */
export function ReasonRow({ reason, index, count, onMove, onRename, onDeactivate, onReactivate }: Props) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(reason.label);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const renameId = `reason-${reason.id}-rename`;

  function stopEditing() {
    flushSync(() => {
      setEditing(false);
      setErrors({});
    });
    document.getElementById(renameId)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const refused = await onRename(label);
    setPending(false);
    if (refused) setErrors(refused);
    else stopEditing();
  }

  return (
    <li className={`flex flex-wrap items-center gap-x-3 gap-y-2 py-3 ${reason.active ? "" : "text-slate-500"}`} data-testid="reason-row">
      <MoveButtons idPrefix={`reason-${reason.id}`} name={reason.label} index={index} count={count} onMove={onMove} />
      {editing ? (
        <form onSubmit={submit} noValidate className="flex min-w-0 flex-1 flex-wrap items-start gap-2" onKeyDown={(event) => event.key === "Escape" && stopEditing()}>
          <TextField label={`New label for "${reason.label}"`} className="w-full max-w-md" value={label} maxLength={80} autoFocus onChange={(event) => setLabel(event.target.value)} error={errors.label} />
          <Button type="submit" className="sm:mt-6">
            {pending ? "Saving…" : "Save"}
          </Button>
          <Button type="button" variant="ghost" className="sm:mt-6" onClick={stopEditing}>
            Cancel
          </Button>
        </form>
      ) : (
        <>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium">
              {reason.label}
              {!reason.active && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Deactivated</span>}
            </p>
            <p className="text-xs text-slate-500">
              <code className="font-mono">{reason.code}</code> · {reason.uses === 0 ? "not used yet" : `used ${reason.uses === 1 ? "once" : `${reason.uses.toLocaleString("en-US")} times`}`}
            </p>
          </div>
          <Button
            id={renameId}
            variant="ghost"
            onClick={() => {
              setLabel(reason.label);
              setEditing(true);
            }}
            aria-label={`Rename ${reason.label}`}
          >
            Rename
          </Button>
          {reason.active ? (
            <Button variant="ghost" onClick={onDeactivate} aria-label={`Deactivate ${reason.label}`}>
              Deactivate
            </Button>
          ) : (
            <Button variant="ghost" onClick={onReactivate} aria-label={`Reactivate ${reason.label}`}>
              Reactivate
            </Button>
          )}
        </>
      )}
    </li>
  );
}
