"use client";

import type { FormEvent } from "react";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ScoringRules } from "@/lib/core/scoring/types";
import type { SavedRules } from "@/lib/server/scoring/scoring-rule-actions";
import { previewRulesAction, saveRulesAction } from "@/lib/server/scoring/scoring-rule-actions";
import type { ActionError } from "@/lib/server/errors";
import type { RulesPreview } from "@/lib/views/scoring";
import type { ReasonOption } from "@/lib/views/settings";
import { DisqualifyRules } from "./disqualify-rules";
import { EngagementRules } from "./engagement-rules";
import { FitRules } from "./fit-rules";
import { PreviewPanel } from "./preview-panel";
import type { RuleErrors } from "./rule-errors";
import type { RulesDraft } from "./rules-draft";
import { fromDraft, toDraft } from "./rules-draft";
import type { ActiveModelSummary } from "./threshold-fields";
import { ThresholdFields } from "./threshold-fields";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

type Props = {
  rules: ScoringRules;
  activeVersion: number;
  nextVersion: number;
  reasons: readonly ReasonOption[];
  eventTypes: readonly string[];
  noteMaxLength: number;
  rescoring: boolean;
  onSaved: (saved: SavedRules) => void;
  onRescoreRunning: (jobId: string) => void;
  /** Rules to start from instead of the active ones, unsaved (suggested points from the lab). */
  initialDraft?: { rules: ScoringRules; note: string };
  /** Told of every edit, so the lab can backtest the draft as it stands. */
  onDraftChange?: (draft: RulesDraft, dirty: boolean) => void;
  /** The predictive model scoring leads now: the threshold may then be its chance instead of points. */
  activeModel: ActiveModelSummary | null;
};

const PREVIEW_HEADING = "rules-preview-heading";
// Errors the sections and the note field show next to their inputs; any others show by the buttons.
const PLACED = /^(fit|engagement|disqualify|threshold|note)(\.|$)/;

/** The rules as a form: nothing changes until Save, which creates the next version. */
export function RulesEditor({ rules, activeVersion, nextVersion, reasons, eventTypes, noteMaxLength, rescoring, onSaved, onRescoreRunning, initialDraft, onDraftChange, activeModel }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saved] = useState(() => JSON.stringify(toDraft(rules, eventTypes)));
  const [draft, setDraft] = useState<RulesDraft>(() => toDraft(initialDraft?.rules ?? rules, eventTypes));
  const [note, setNote] = useState(initialDraft?.note ?? "");
  const [errors, setErrors] = useState<RuleErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ result: RulesPreview; of: string } | null>(null);
  const [pending, setPending] = useState<"preview" | "save" | null>(null);
  const current = JSON.stringify(draft);
  const dirty = current !== saved;
  useUnsavedChangesWarning(dirty);
  useEffect(() => onDraftChange?.(draft, dirty), [draft, dirty, onDraftChange]);

  const change = (patch: Partial<RulesDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function showError(error: ActionError) {
    // Rendered at once so the first marked field can take the focus.
    flushSync(() => {
      setErrors(error.fieldErrors ?? {});
      setMessage(error.message);
    });
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  async function runPreview() {
    setPending("preview");
    const result = await previewRulesAction({ rules: fromDraft(draft) });
    setPending(null);
    if (!result.ok) return showError(result.error);
    flushSync(() => {
      setErrors({});
      setMessage(null);
      setPreview({ result: result.data, of: current });
    });
    document.getElementById(PREVIEW_HEADING)?.focus();
  }

  async function save() {
    setPending("save");
    const result = await saveRulesAction({ rules: fromDraft(draft), note: note.trim() || undefined });
    setPending(null);
    if (result.ok) return onSaved(result.data);
    const running = (result.error.details as { jobId?: string } | undefined)?.jobId;
    if (running) onRescoreRunning(running);
    showError(result.error);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter in a field previews (Preview is the form's first submit button); only the Save button saves.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void (submitter?.value === "save" ? save() : runPreview());
  }

  function discard() {
    setDraft(JSON.parse(saved) as RulesDraft);
    setErrors({});
    setMessage(null);
  }

  const unplaced = Object.entries(errors).filter(([path]) => !PLACED.test(path));
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" aria-label="Scoring rules">
      <ThresholdFields draft={draft} model={activeModel} onChange={change} errors={errors} />
      <FitRules rules={draft.fit} onChange={(fit) => change({ fit })} errors={errors} />
      <EngagementRules rules={draft.engagement} onChange={(engagement) => change({ engagement })} errors={errors} eventTypes={eventTypes} />
      <DisqualifyRules rules={draft.disqualify} onChange={(disqualify) => change({ disqualify })} errors={errors} reasons={reasons} />

      <section aria-labelledby="save-heading" className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
        <h2 id="save-heading" className="text-base font-semibold text-slate-900">
          Review and save
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">
          Preview what the rules would do to today&apos;s leads. Saving creates v{nextVersion} and re-scores every lead in the background; v{activeVersion} stays in the history and
          can be restored.
        </p>
        <TextField
          label="Note for this version"
          className="mt-4 max-w-xl"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={noteMaxLength}
          error={errors.note}
          hint="Optional: what changed and why, shown in the version history."
          placeholder="e.g. Lower the threshold for the Q4 campaign"
        />
        {(preview || pending === "preview") && (
          <div className="mt-4">
            <PreviewPanel preview={preview?.result ?? null} loading={pending === "preview"} stale={preview !== null && preview.of !== current} headingId={PREVIEW_HEADING} />
          </div>
        )}
      </section>

      {/* Floats at the bottom of the window so Preview and Save are at hand from any rule. */}
      <div className="sticky bottom-4 z-10 rounded-xl border border-slate-200 bg-white/95 px-5 py-3 shadow-lg backdrop-blur">
        <div className="flex flex-wrap items-center gap-3">
          <div className="min-w-0 flex-1 text-sm" aria-live="polite">
            {message ? (
              <div role="alert" className="text-red-700">
                <p>{message}</p>
                {unplaced.map(([path, error]) => (
                  <p key={path} className="text-xs">
                    {error}
                  </p>
                ))}
              </div>
            ) : (
              <p className="text-slate-600">{rescoring ? "Saving is paused until the re-score finishes." : dirty ? "Unsaved changes" : `No changes since v${activeVersion}`}</p>
            )}
          </div>
          {dirty && (
            <Button type="button" variant="ghost" onClick={discard} disabled={pending !== null}>
              Discard changes
            </Button>
          )}
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending !== null}>
            {pending === "preview" ? "Previewing…" : "Preview"}
          </Button>
          {/* Saving the rules as they are would only repeat the active version. */}
          <Button type="submit" name="intent" value="save" disabled={pending !== null || rescoring || !dirty}>
            {pending === "save" ? "Saving…" : `Save as v${nextVersion}`}
          </Button>
        </div>
      </div>
    </form>
  );
}
