import { useId } from "react";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/core/webhooks";

/** The events a new endpoint hears of; none ticked to start with, so an endpoint gets only what it asked for. */
export function EventChoices({ error }: { error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">Events to send</legend>
      <ul className="mt-1 space-y-1">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <li key={type}>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={type} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
              <span>
                {WEBHOOK_EVENT_LABELS[type]} <span className="font-mono text-xs text-slate-500">({type})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
