"use client";

import type { FormEvent, KeyboardEvent } from "react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { addNoteAction } from "@/lib/server/actions/notes";
import type { LeadNote } from "@/lib/server/lead-details";

type Props = { leadId: string; maxLength: number; onAdded: (note: LeadNote) => void };

// Show the count only when it starts to matter.
const COUNTER_FROM = 0.8;

/**
 * Submitted with onSubmit rather than a form action: React resets a form after an action,
 * and a note that failed to save must keep its text.
 */
export function AddNoteForm({ leadId, maxLength, onAdded }: Props) {
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function save(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (pending) return;
    setPending(true);
    setSaved(false);
    const result = await addNoteAction({ leadId, body });
    setPending(false);
    if (!result.ok) {
      setError(result.error.fieldErrors?.body ?? result.error.message);
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    setBody("");
    setSaved(true);
    onAdded(result.data);
  }

  function saveOnControlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <form onSubmit={save} noValidate>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Add a note
      </label>
      <textarea
        ref={textareaRef}
        id={id}
        name="body"
        rows={3}
        maxLength={maxLength}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setSaved(false);
        }}
        onKeyDown={saveOnControlEnter}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder="What did you learn? Next steps, objections, who else is involved…"
        className="mt-1 block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="mt-2 flex items-center justify-between gap-3">
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          Everyone on the team sees notes. Ctrl + Enter saves.
          {body.length >= maxLength * COUNTER_FROM && (
            <span className="ml-1 tabular-nums">
              {body.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
            </span>
          )}
        </p>
        <div className="flex items-center gap-3">
          {saved && (
            <p role="status" className="text-xs text-emerald-700">
              Note saved.
            </p>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save note"}
          </Button>
        </div>
      </div>
    </form>
  );
}
