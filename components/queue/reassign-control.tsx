"use client";

import type { FormEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";
import type { UserOption } from "@/lib/views/settings";
import { Button } from "@/components/ui/button";

type Props = {
  leadName: string;
  ownerId: string | null;
  reps: UserOption[];
  pending: boolean;
  /** Resolves to a message to show here (the lead stayed), or null once it is reassigned. */
  onReassign: (assigneeId: string) => Promise<string | null>;
};

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

/** A manager hands one lead to another active rep; the change is recorded as an assignment. */
export function ReassignControl({ leadName, ownerId, reps, pending, onReassign }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);

  // Opening moves focus to the list of reps; cancelling brings it back to the button.
  useEffect(() => {
    if (open) rootRef.current?.querySelector("select")?.focus();
    else if (returnFocus.current) rootRef.current?.querySelector("button")?.focus();
    returnFocus.current = false;
  }, [open]);

  function close() {
    returnFocus.current = true;
    setOpen(false);
    setMessage(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const assigneeId = String(new FormData(event.currentTarget).get("assigneeId") ?? "");
    if (!assigneeId) {
      setMessage("Choose the rep who will own this lead.");
      return;
    }
    const outcome = await onReassign(assigneeId);
    if (outcome === null) close();
    else setMessage(outcome);
  }

  return (
    <div ref={rootRef}>
      {open ? (
        <form
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
          aria-label={`Reassign ${leadName}`}
          className="flex flex-wrap items-center gap-2"
        >
          <label htmlFor={`${id}-rep`} className="sr-only">
            New owner of {leadName}
          </label>
          <select id={`${id}-rep`} name="assigneeId" defaultValue="" aria-describedby={message ? `${id}-message` : undefined} className={selectClass}>
            <option value="" disabled>
              New owner…
            </option>
            {reps.map((rep) => (
              <option key={rep.id} value={rep.id} disabled={rep.id === ownerId}>
                {rep.id === ownerId ? `${rep.name} (current)` : rep.name}
              </option>
            ))}
          </select>
          <Button type="submit" className="px-2 py-1 text-xs" disabled={pending}>
            {pending ? "Assigning…" : "Assign"}
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={close}>
            Cancel
          </Button>
          {message && (
            <p id={`${id}-message`} role="alert" className="basis-full text-xs text-red-700">
              {message}
            </p>
          )}
        </form>
      ) : (
        <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`Reassign ${leadName}`} disabled={pending} onClick={() => setOpen(true)}>
          Reassign
        </Button>
      )}
    </div>
  );
}
