"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import { TARGETS } from "@/lib/core/scoring-lab/outcomes";
import type { LabSettings } from "@/lib/core/scoring-lab/settings";
import { saveLabSettingsAction } from "@/lib/server/scoring/scoring-lab-actions";
import { TARGET_LABELS } from "./lab-format";

/** The settings as typed: the window stays text until a run sends it, so the server names what's wrong with it. */
export type LabFields = { target: Target; maturityDays: string };
export type LabFieldErrors = Partial<Record<keyof LabFields, string>>;

export const toFields = (settings: LabSettings): LabFields => ({ target: settings.target, maturityDays: String(settings.maturityDays) });

/** What a run sends: not a number becomes NaN, which the server's schema names as the field's problem. */
export function runSettings(fields: LabFields): LabSettings {
  return { target: fields.target, maturityDays: fields.maturityDays.trim() === "" ? Number.NaN : Number(fields.maturityDays) };
}

type Props = {
  fields: LabFields;
  onChange: (fields: LabFields) => void;
  saved: LabSettings;
  onSaved: (settings: LabSettings) => void;
  errors: LabFieldErrors;
  canSave: boolean;
};

/** What the lab predicts and when an open lead counts as a no: for the next runs, and (managers) as the team's default. */
export function LabSettingsFields({ fields, onChange, saved, onSaved, errors, canSave }: Props) {
  const targetId = useId();
  const [saveErrors, setSaveErrors] = useState<LabFieldErrors>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);
  const unchanged = fields.target === saved.target && fields.maturityDays.trim() === String(saved.maturityDays);
  const shown = { ...errors, ...saveErrors };

  async function save() {
    setPending(true);
    const result = await saveLabSettingsAction(runSettings(fields));
    setPending(false);
    if (!result.ok) {
      setSaveErrors(result.error.fieldErrors ?? {});
      // The field itself says what's wrong; the summary would only repeat it under its code name.
      return setMessage({ tone: "error", text: result.error.fieldErrors ? "Not saved: fix the marked field." : result.error.message });
    }
    setSaveErrors({});
    setMessage({ tone: "success", text: "Saved as the team's default. New models are trained with it." });
    onSaved(result.data);
  }

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3">
      <legend className="float-left w-full text-sm font-semibold text-slate-900">What to predict</legend>
      <div className="clear-left grid gap-4 pt-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,14rem)_1fr] sm:items-start">
        <div>
          <label htmlFor={targetId} className="block text-sm font-medium text-slate-700">
            Target
          </label>
          <select
            id={targetId}
            value={fields.target}
            onChange={(event) => onChange({ ...fields, target: event.target.value as Target })}
            aria-invalid={shown.target ? true : undefined}
            aria-describedby={shown.target ? `${targetId}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          >
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {TARGET_LABELS[target]}
              </option>
            ))}
          </select>
          {shown.target && (
            <p id={`${targetId}-error`} className="mt-1 text-xs text-red-700">
              {shown.target}
            </p>
          )}
        </div>
        <TextField
          label="Maturity window (days)"
          type="number"
          inputMode="numeric"
          min={7}
          max={730}
          step={1}
          value={fields.maturityDays}
          onChange={(event) => onChange({ ...fields, maturityDays: event.target.value })}
          error={shown.maturityDays}
          hint="An open lead older than this counts as a no."
        />
        <div className="space-y-2 text-xs text-slate-600 sm:pt-6">
          {canSave ? (
            <Button variant="secondary" onClick={() => void save()} disabled={pending || unchanged}>
              {pending ? "Saving…" : "Save as the team's default"}
            </Button>
          ) : (
            <p>
              These apply to your runs here. The team&apos;s default ({TARGET_LABELS[saved.target]}, {saved.maturityDays} days) is a manager&apos;s choice; models are trained with its
              window.
            </p>
          )}
          <FormMessage message={message} />
        </div>
      </div>
    </fieldset>
  );
}

/** A run's field errors: those about the settings go to their fields, the rest concern the rules. */
export function splitErrors(errors: Readonly<Record<string, string>> = {}): { settings: LabFieldErrors; rules: Record<string, string> } {
  const settings: LabFieldErrors = {};
  const rules: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === "target" || path === "maturityDays") settings[path] = message;
    else rules[path] = message;
  }
  return { settings, rules };
}
