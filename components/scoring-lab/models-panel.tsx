"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import { activateModelAction, deactivateModelsAction, listModelsAction, trainModelAction } from "@/lib/server/scoring/scoring-lab-actions";
import type { JobView } from "@/lib/views/jobs";
import type { ModelView } from "@/lib/views/scoring";
import { TARGET_LABELS } from "./lab-format";
import { LabPanel } from "./lab-panel";
import { ModelCard } from "./model-card";
import { TrainingProgress } from "./training-progress";

type Props = {
  models: ModelView[];
  trainingJobId: string | null;
  target: Target;
  maturityDays: number;
  now: string;
  rescoring: boolean;
  onRescoreStarted: (jobId: string, subject: string) => void;
};

type Confirming = { kind: "activate" | "deactivate"; model: ModelView };

/** Predictive models: trained on the history as a job, judged on the newest leads, and activated to give every lead a probability. */
export function ModelsPanel({ models: initial, trainingJobId, target, maturityDays, now, rescoring, onRescoreStarted }: Props) {
  const router = useRouter();
  const [models, setModels] = useState(initial);
  const [training, setTraining] = useState(trainingJobId);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);

  async function refresh() {
    const listed = await listModelsAction({});
    if (listed.ok) setModels(listed.data);
  }

  async function train() {
    setPending(true);
    setMessage(null);
    const result = await trainModelAction({ target });
    setPending(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setModels((current) => [result.data.model, ...current]);
    setTraining(result.data.jobId);
  }

  async function trained(job: JobView) {
    setTraining(null);
    await refresh();
    setMessage(job.status === "done" ? { tone: "success", text: "The model is trained. Open its details to see how it did on the newest leads." } : { tone: "error", text: job.error ?? "Training failed." });
  }

  async function act({ kind, model }: Confirming) {
    setConfirming(null);
    setPending(true);
    setMessage(null);
    const result = kind === "activate" ? await activateModelAction({ modelId: model.id }) : await deactivateModelsAction({});
    setPending(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    await refresh();
    // The editor offers a threshold on the model's chance only while a model is active.
    router.refresh();
    if (result.data) onRescoreStarted(result.data.jobId, `model v${model.version}`);
    else setMessage({ tone: "success", text: "No model is in use now: leads show their rule score only." });
  }

  const busy = pending || training !== null;
  return (
    <LabPanel
      id="lab-models"
      title="Predictive model"
      description={
        <p>
          A model learns from the history how likely a lead is to reach the target, and gives every lead that probability next to its score. Each model is judged on the newest
          fifth of the history, which it never learned from, against the active rules on the same leads.
        </p>
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void train()} disabled={busy}>
          {pending && !confirming ? "Starting…" : "Train a model"}
        </Button>
        <p className="text-xs text-slate-600">
          Predicts {TARGET_LABELS[target]}, with the team&apos;s {maturityDays}-day maturity window.
        </p>
      </div>
      {training && <TrainingProgress key={training} jobId={training} onFinished={(job) => void trained(job)} />}
      <FormMessage message={message} />
      {models.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-5 py-6 text-sm text-slate-600">
          No model yet. Train one once you have history: a few hundred past leads with outcomes, some that reached the target and some that didn&apos;t.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Models, newest first">
          {models.map((model) => (
            <ModelCard
              key={model.id}
              model={model}
              now={now}
              busy={busy || rescoring}
              onActivate={() => setConfirming({ kind: "activate", model })}
              onDeactivate={() => setConfirming({ kind: "deactivate", model })}
            />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.kind === "activate" ? `Activate model v${confirming.model.version}?` : `Stop using model v${confirming.model.version}?`}
          confirmLabel={confirming.kind === "activate" ? "Activate and re-score" : "Stop using it"}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void act(confirming)}
        >
          {confirming.kind === "activate"
            ? `Every lead will be re-scored to get its probability from this model${models.some((model) => model.active) ? ", replacing the model in use" : ""}. The scoring rules don't change; the re-score runs in the background.`
            : "Leads lose their probability until a model is activated again. The scoring rules and the scores they give don't change."}
        </ConfirmDialog>
      )}
    </LabPanel>
  );
}
