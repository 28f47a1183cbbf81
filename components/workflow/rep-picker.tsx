import { useId } from "react";
import type { RoutingRep } from "@/lib/views/funnel";

type Props = { territoryName: string; reps: readonly RoutingRep[]; selected: readonly string[]; error?: string; onChange: (repIds: string[]) => void };

/** The sales reps of one territory: active reps to choose from, plus any chosen rep since deactivated, so they can be taken out. */
export function RepPicker({ territoryName, reps, selected, error, onChange }: Props) {
  const id = useId();
  const shown = reps.filter((rep) => rep.active || selected.includes(rep.id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="min-w-0 outline-none" tabIndex={error ? -1 : undefined}>
      <legend className="text-sm font-medium text-slate-700">Sales reps in {territoryName.trim() || "this territory"}</legend>
      {shown.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No active sales reps to choose from. Add or reactivate one on the Users page.</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {shown.map((rep) => (
            <li key={rep.id}>
              <label className={`flex items-center gap-2 text-sm ${rep.active ? "text-slate-800" : "text-slate-500"}`}>
                <input type="checkbox" checked={selected.includes(rep.id)} onChange={(event) => toggle(rep.id, event.target.checked)} className="size-4 rounded border-slate-300" />
                {rep.name}
                {!rep.active && <span className="rounded-full bg-slate-100 px-1.5 text-xs">deactivated</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
