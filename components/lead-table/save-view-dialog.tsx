"use client";

import type { FormEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";
import type { SavedViewSummary } from "@/lib/views/leads";
import type { ActionResult, FieldErrors } from "@/lib/server/errors";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/core/saved-views";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type Props = {
  title: string;
  submitLabel: string;
  initial: { name: string; shared: boolean };
  onSave: (input: { name: string; shared: boolean }) => Promise<ActionResult<SavedViewSummary>>;
  onSaved: (view: SavedViewSummary) => void;
  onCancel: () => void;
};

/** Names a view and chooses whether the team sees it; used to save a new view and to rename one. */
export function SaveViewDialog({ title, submitLabel, initial, onSave, onSaved, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await onSave({ name: String(form.get("name") ?? ""), shared: form.get("shared") === "on" });
    setPending(false);
    if (result.ok) onSaved(result.data);
    else {
      setErrors(result.error.fieldErrors ?? {});
      setMessage(result.error.fieldErrors ? null : result.error.message);
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-xl bg-white p-6 shadow-xl"
    >
      <form onSubmit={submit} className="space-y-4">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <TextField label="Name" name="name" defaultValue={initial.name} maxLength={VIEW_NAME_MAX_LENGTH} required autoFocus error={errors.name} />
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="shared" defaultChecked={initial.shared} className="mt-0.5 size-4 rounded border-slate-300" />
          <span>
            Share with the team
            <span className="block text-xs text-slate-500">Everyone sees it in their views; only you can change or delete it.</span>
          </span>
        </label>
        {message && (
          <p role="alert" className="text-sm text-red-700">
            {message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
