"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { logEventAction } from "@/lib/server/leads/log-event-actions";
import type { FieldErrors } from "@/lib/server/errors";
import { SectionCard } from "./section-card";

type Props = { leadId: string; eventTypes: Array<{ value: string; label: string }>; previousTotal: number };

const OTHER = "__other";
const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

// datetime-local wants local time without a zone; the server gets a full ISO date-time.
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Log what happened offline (a badge scan, a meeting at a stand): scored like any event. */
export function LogEventForm({ leadId, eventTypes, previousTotal }: Props) {
  const id = useId();
  const router = useRouter();
  const [type, setType] = useState("event_attended");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const when = String(form.get("occurredAt") ?? "");
    setPending(true);
    setMessage(null);
    const result = await logEventAction({
      leadId,
      type: type === OTHER ? String(form.get("customType") ?? "") : type,
      occurredAt: when ? new Date(when).toISOString() : "",
      name: String(form.get("name") ?? "") || undefined,
      note: String(form.get("note") ?? "") || undefined,
    });
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error.message });
      return;
    }
    setErrors({});
    formElement.reset();
    const moved = result.data.movedTo ? ` It reached the threshold and moved to ${result.data.movedTo}.` : "";
    setMessage({ tone: "success", text: `Event logged. Score ${previousTotal} → ${result.data.total}.${moved}` });
    router.refresh();
  }

  return (
    <SectionCard id="log-event" title="Log an event">
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <div>
          <label htmlFor={`${id}-type`} className="block text-sm font-medium text-slate-700">
            What happened
          </label>
          <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value)} className={fieldClass}>
            {eventTypes.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            <option value={OTHER}>Other (custom type)…</option>
          </select>
        </div>
        {type === OTHER && (
          <div>
            <label htmlFor={`${id}-custom`} className="block text-sm font-medium text-slate-700">
              Custom type
            </label>
            <input id={`${id}-custom`} name="customType" placeholder="e.g. trade_show_demo" className={fieldClass} aria-invalid={errors.type ? true : undefined} aria-describedby={`${id}-type-error`} />
          </div>
        )}
        <div>
          <label htmlFor={`${id}-when`} className="block text-sm font-medium text-slate-700">
            When
          </label>
          <input id={`${id}-when`} name="occurredAt" type="datetime-local" defaultValue={localNow()} className={fieldClass} aria-invalid={errors.occurredAt ? true : undefined} aria-describedby={`${id}-when-error`} />
          {errors.occurredAt && (
            <p id={`${id}-when-error`} className="mt-1 text-xs text-red-700">
              {errors.occurredAt}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            Event or content (optional)
          </label>
          <input id={`${id}-name`} name="name" placeholder="e.g. SaaStr Europa, booth 12" className={fieldClass} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-700">
            Note (optional)
          </label>
          <textarea id={`${id}-note`} name="note" rows={2} className={fieldClass} />
        </div>
        {errors.type && (
          <p id={`${id}-type-error`} className="text-xs text-red-700 sm:col-span-2">
            {errors.type}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Logging…" : "Log event"}
          </Button>
          <FormMessage message={message} />
        </div>
      </form>
    </SectionCard>
  );
}
