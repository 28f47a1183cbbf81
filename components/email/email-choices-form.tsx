"use client";

import type { FormEvent } from "react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import type { EmailChoice } from "@/lib/core/email-notices";
import { EMAIL_CHOICE_LABELS } from "@/lib/core/email-notices";
import { saveEmailChoicesAction } from "@/lib/server/email/email-choice-actions";

/** The notices a user may also get by e-mail, ticked as they chose. */
export function EmailChoicesForm({ available, chosen }: { available: EmailChoice[]; chosen: EmailChoice[] }) {
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await saveEmailChoicesAction({ choices: available.filter((choice) => form.getAll("choices").includes(choice)) });
    setPending(false);
    setMessage(
      result.ok
        ? { tone: "success", text: result.data.length === 0 ? "Saved: no e-mails; the bell still shows everything." : `Saved: ${result.data.length} kind${result.data.length === 1 ? "" : "s"} of notice by e-mail.` }
        : { tone: "error", text: result.error.message },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-slate-700">E-mail me when</legend>
        <ul className="mt-2 space-y-2">
          {available.map((choice) => (
            <li key={choice}>
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name="choices" value={choice} defaultChecked={chosen.includes(choice)} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
                {EMAIL_CHOICE_LABELS[choice]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <FormMessage message={message} />
    </form>
  );
}
