import type { Stage } from "@/lib/core/stages";
import { isStage, STAGE_LABELS } from "@/lib/core/stages";

const TONES: Record<Stage, string> = {
  LEAD: "bg-slate-100 text-slate-700 ring-slate-300",
  MQL: "bg-sky-50 text-sky-800 ring-sky-200",
  SAL: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  SQL: "bg-violet-50 text-violet-800 ring-violet-200",
  WON: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  LOST: "bg-rose-50 text-rose-800 ring-rose-200",
  DISQUALIFIED: "bg-amber-50 text-amber-900 ring-amber-200",
};

/** A stage as a coloured pill; `withLabel` adds its name ("SAL · Sales accepted"). */
export function StageBadge({ stage, withLabel = false }: { stage: string; withLabel?: boolean }) {
  const known = isStage(stage);
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${known ? TONES[stage] : "bg-slate-50 text-slate-600 ring-slate-200"}`}
      title={known ? STAGE_LABELS[stage] : undefined}
    >
      {stage}
      {known && withLabel && <span className="ml-1 font-normal">· {STAGE_LABELS[stage]}</span>}
    </span>
  );
}
