"use client";

import { useJobPolling } from "@/components/ui/use-job-polling";
import { getLabJobAction } from "@/lib/server/scoring/scoring-lab-actions";
import { JobResumedNote } from "@/components/ui/job-resumed-note";
import type { JobView } from "@/lib/views/jobs";

// The training job reports three steps (lib/server/scoring/models.ts): what each one is doing.
const STEPS = ["Reading the history", "Learning from the older leads and judging on the newest", "Saving the model"];

type Props = { jobId: string; onFinished: (job: JobView) => void };

/** Follows a model's training job until it is done; the list shows the model once it is. */
export function TrainingProgress({ jobId, onFinished }: Props) {
  const { job, trouble } = useJobPolling<JobView>(jobId, getLabJobAction, onFinished);
  const total = job && job.total > 0 ? job.total : STEPS.length;
  const step = Math.min(job?.processed ?? 0, STEPS.length - 1);
  const percent = job?.status === "done" ? 100 : Math.floor(((job?.processed ?? 0) / total) * 100);
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3" data-testid="training-progress">
      <p id={`${jobId}-label`} className="text-sm font-medium text-slate-900">
        Training a model
      </p>
      <div
        role="progressbar"
        aria-labelledby={`${jobId}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={job?.status === "running" ? STEPS[step] : "Starting"}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm text-slate-600">{job?.status === "running" ? `${STEPS[step]}…` : "Starting…"} You can leave this page; training carries on.</p>
      <JobResumedNote job={job} work="training" startsOver />
      {trouble && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {trouble}
        </p>
      )}
    </div>
  );
}
