import type { ActivityKind } from "@/lib/core/activities";
import { ACTIVITY_KINDS, ACTIVITY_LABELS } from "@/lib/core/activities";
import { ActivityKindIcon } from "./activity-kind-badge";

type Props = { name: string; value: ActivityKind; onChange: (kind: ActivityKind) => void; disabled?: boolean };

/**
 * Note / Call / E-mail / Meeting as one segmented control. The segments are real radio
 * buttons, so Tab reaches the group and the arrow keys move between kinds; each invisible
 * radio covers its segment, so a click anywhere on it lands on the radio itself.
 */
export function ActivityKindPicker({ name, value, onChange, disabled }: Props) {
  return (
    <fieldset disabled={disabled}>
      <legend className="sr-only">What to log</legend>
      <div className="grid grid-cols-4 gap-0.5 rounded-lg bg-slate-100 p-0.5">
        {ACTIVITY_KINDS.map((kind) => (
          <label
            key={kind}
            className="relative flex items-center justify-center gap-1 rounded-md px-1.5 py-1.5 text-xs font-medium text-slate-600 transition-colors hover:text-slate-900 has-checked:bg-white has-checked:text-brand-700 has-checked:shadow-sm has-focus-visible:ring-2 has-focus-visible:ring-brand-500 sm:text-sm"
          >
            <input type="radio" name={name} value={kind} checked={value === kind} onChange={() => onChange(kind)} className="absolute inset-0 cursor-pointer appearance-none rounded-md opacity-0 disabled:cursor-not-allowed" />
            <ActivityKindIcon kind={kind} />
            {ACTIVITY_LABELS[kind]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
