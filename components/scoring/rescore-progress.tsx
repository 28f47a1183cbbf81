"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { JobResumedNote } from "@/components/ui/job-resumed-note";
import { useJobPolling } from "@/components/ui/use-job-polling";
import { getJobAction } from "@/lib/server/scoring/scoring-rule-actions";
import type { JobView } from "@/lib/views/jobs";
import type { RescoreSummary } from "@/lib/views/scoring";

const number = new Intl.NumberFormat("en-US");

/** `subject`: what the leads are re-scored with, when not just the rules version (e.g. a model the lab activated). */
type Props = { jobId: string; version: number; subject?: string; onFinished: () => void; takeFocus: boolean };

/**
 * Follows a re-score in the background until it is done, polling its job. Started by a save
 * further down the page, it takes the focus, which also scrolls it into view.
 */
export function RescoreProgress({ jobId, version, subject = `v${version}`, onFinished, takeFocus }: Props) {
  const { job, trouble: error } = useJobPolling<JobView>(jobId, getJobAction, onFinished);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  const done = job?.status === "done";
  const percent = done ? 100 : job && job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0;
  return (
    <section aria-labelledby="rescore-heading" className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm" data-testid="rescore-progress">
      <h2 id="rescore-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
        {done ? `Leads re-scored with ${subject}` : `Re-scoring every lead with ${subject}`}
      </h2>
      <div
        role="progressbar"
        aria-labelledby="rescore-heading"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={job && job.total > 0 ? `${number.format(job.processed)} of ${number.format(job.total)} leads` : "Starting"}
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${done ? "bg-emerald-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
      </div>
      <JobResumedNote job={job} work="re-score" />
      {job?.status === "running" || job?.status === "queued" || (!job && !error) ? (
        <p className="mt-2 text-sm text-slate-600">
          {job && job.total > 0 ? `${number.format(job.processed)} of ${number.format(job.total)} leads (${percent}%).` : "Starting…"} You can leave this page; the re-score carries on.
        </p>
      ) : null}
      {/* Only the outcome is announced, not every step of the bar. */}
      <div role="status" className="text-sm">
        {done && (
          <p className="mt-2 text-emerald-800">
            {summarize(job.result as RescoreSummary)}{" "}
            <Link href="/board" className="font-medium text-brand-700 hover:underline">
              Open the board
            </Link>
          </p>
        )}
        {(error || job?.status === "failed") && <p className="mt-2 text-red-700">{error ?? job?.error}</p>}
      </div>
    </section>
  );
}

function summarize(summary: RescoreSummary): string {
  const leads = `${number.format(summary.leads)} ${summary.leads === 1 ? "lead" : "leads"}`;
  const disqualified = summary.disqualified > 0 ? `, ${number.format(summary.disqualified)} disqualified` : "";
  return `Re-scored ${leads}: ${number.format(summary.movedToMql)} became MQL${disqualified}.`;
}
