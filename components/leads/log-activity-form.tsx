"use client";

import type { FormEvent, KeyboardEvent } from "react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActivityKind } from "@/lib/core/activities";
import { addNoteAction } from "@/lib/server/leads/note-actions";
import type { LeadActivity } from "@/lib/views/leads";
import { ActivityKindPicker } from "./activity-kind-picker";

type Props = { leadId: string; maxLength: number; onLogged: (activity: LeadActivity) => void };

const COPY: Record<ActivityKind, { field: string; placeholder: string; submit: string; done: string }> = {
  note: { field: "Add a note", placeholder: "What did you learn? Next steps, objections, who else is involved…", submit: "Save note", done: "Note saved." },
  call: { field: "Call summary", placeholder: "Who you spoke with, what was said, what happens next…", submit: "Log call", done: "Call logged." },
  email: { field: "E-mail summary", placeholder: "What you wrote or they replied, and what happens next…", submit: "Log e-mail", done: "E-mail logged." },
  meeting: { field: "Meeting notes", placeholder: "Who attended, what was agreed, next steps…", submit: "Log meeting", done: "Meeting logged." },
};

// Show the count only when it starts to matter.
const COUNTER_FROM = 0.8;

/**
 * Submitted with onSubmit rather than a form action: React resets a form after an action,
 * and an entry that failed to save must keep its text.
 */
export function LogActivityForm({ leadId, maxLength, onLogged }: Props) {
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<ActivityKind>("note");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const copy = COPY[kind];

  async function save(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (pending) return;
    setPending(true);
    setDone(null);
    const result = await addNoteAction({ leadId, kind, body });
    setPending(false);
    if (!result.ok) {
      const { fieldErrors } = result.error;
      setError(fieldErrors?.body ?? fieldErrors?.kind ?? result.error.message);
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    setBody("");
    setDone(COPY[result.data.kind].done);
    onLogged(result.data);
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
      <ActivityKindPicker
        name={`${id}-kind`}
        value={kind}
        disabled={pending}
        onChange={(next) => {
          setKind(next);
          // The message for an empty entry names the kind it was written for.
          setError(null);
          setDone(null);
        }}
      />
      <label htmlFor={id} className="mt-3 block text-sm font-medium text-slate-700">
        {copy.field}
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
          setDone(null);
        }}
        onKeyDown={saveOnControlEnter}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={copy.placeholder}
        className="mt-1 block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="mt-2 flex items-center justify-between gap-3">
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          The whole team sees these. Ctrl + Enter saves.
          {body.length >= maxLength * COUNTER_FROM && (
            <span className="ml-1 tabular-nums">
              {body.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
            </span>
          )}
        </p>
        <div className="flex items-center gap-3">
          {done && (
            <p role="status" className="text-xs text-emerald-700">
              {done}
            </p>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : copy.submit}
          </Button>
        </div>
      </div>
    </form>
  );
}
