import { useId } from "react";
import { API_SCOPES, API_SCOPE_LABELS } from "@/lib/core/api-scopes";

/**
 * The scopes a new key gets, ticked to start with but for webhooks (which send lead data out, so
 * are only given on purpose): untick what the system using the key has no business doing.
 */
export function ScopeChoices({ error }: { error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`} className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">What may it do?</legend>
      <ul className="mt-1 space-y-1">
        {API_SCOPES.map((scope) => (
          <li key={scope}>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== "webhooks"} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
              <span>
                {API_SCOPE_LABELS[scope]} <span className="font-mono text-xs text-slate-500">({scope})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          A request the key has no scope for is refused with 403.
        </p>
      )}
    </fieldset>
  );
}
