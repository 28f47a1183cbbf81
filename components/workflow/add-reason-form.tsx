"use client";

import type { FormEvent } from "react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { checklistKey } from "@/lib/core/workflow-settings";
import type { FieldErrors } from "@/lib/server/errors";

type Props = {
  /** When people pick from the list, for the hint under the empty field. */
  usedWhen: string;
  placeholder: string;
  onAdd: (label: string) => Promise<FieldErrors | null>;
};

/** A new reason goes to the end of the list; its code, made from the label, never changes. */
export function AddReasonForm({ usedWhen, placeholder, onAdd }: Props) {
  const [label, setLabel] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const refused = await onAdd(label);
    setPending(false);
    setErrors(refused ?? {});
    if (!refused) setLabel("");
  }

  const code = label.trim() ? checklistKey(label) : null;
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <TextField
        label="New reason"
        className="w-full max-w-md"
        value={label}
        maxLength={80}
        onChange={(event) => setLabel(event.target.value)}
        error={errors.label}
        hint={code ? `Its code will be ${code} (a number is added if that is taken).` : `What people pick when they ${usedWhen}.`}
        placeholder={placeholder}
      />
      <Button type="submit" variant="secondary" className="sm:mt-6" disabled={pending}>
        {pending ? "Adding…" : "Add reason"}
      </Button>
    </form>
  );
}
