"use client";

import { useId, useState } from "react";
import { Timestamp } from "@/components/leads/timestamp";
import { Button } from "@/components/ui/button";
import type { ModelView } from "@/lib/views/scoring";
import { formatAuc, TARGET_LABELS } from "./lab-format";
import { ModelDetails } from "./model-details";

const STATUS: Record<ModelView["status"], { label: string; className: string }> = {
  training: { label: "Training", className: "bg-sky-100 text-sky-800" },
  ready: { label: "Ready", className: "bg-slate-100 text-slate-700" },
  failed: { label: "Failed", className: "bg-red-100 text-red-800" },
};

type Props = { model: ModelView; now: string; busy: boolean; onActivate: () => void; onDeactivate: () => void };

/** One trained model: how it did on the held-out leads against the rules, and what can be done with it. */
export function ModelCard({ model, now, busy, onActivate, onDeactivate }: Props) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const evaluation = model.evaluation;
  const status = STATUS[model.status];
  return (
    <li className="space-y-3 px-4 py-3" data-testid="model-row" data-model-version={model.version}>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <h4 className="font-mono font-semibold text-slate-900">Model v{model.version}</h4>
            <span className="text-slate-600">predicts {TARGET_LABELS[model.target]}</span>
            {model.active ? (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>
            ) : (
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.className}`}>{status.label}</span>
            )}
          </div>
          {evaluation && (
            <p className="text-sm text-slate-700" data-testid="model-auc">
              Held-out ROC AUC <strong className="tabular-nums">{formatAuc(evaluation.holdout.auc)}</strong> vs{" "}
              <span className="tabular-nums">{formatAuc(evaluation.rulesAuc)}</span> for the active rules on the same leads
            </p>
          )}
          {model.error && <p className="text-sm text-red-700">{model.error}</p>}
          <p className="text-xs text-slate-500">
            Trained <Timestamp iso={model.createdAt} now={now} /> by {model.createdByName ?? "the API"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {evaluation && (
            <Button variant="ghost" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((shown) => !shown)}>
              {open ? "Hide details" : "Details"}
              <span className="sr-only"> of model v{model.version}</span>
            </Button>
          )}
          {model.status === "ready" && !model.active && (
            <Button variant="secondary" disabled={busy} onClick={onActivate}>
              Activate<span className="sr-only"> model v{model.version}</span>
            </Button>
          )}
          {model.active && (
            <Button variant="secondary" disabled={busy} onClick={onDeactivate}>
              Stop using the model
            </Button>
          )}
        </div>
      </div>
      <div id={detailsId}>{open && <ModelDetails model={model} />}</div>
    </li>
  );
}
