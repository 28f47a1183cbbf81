"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { JobResumedNote } from "@/components/ui/job-resumed-note";
import { useJobPolling } from "@/components/ui/use-job-polling";
import type { ImportKind } from "@/lib/core/csv-import";
import { getImportJobAction } from "@/lib/server/ingest/csv-import-actions";
import type { ImportJob } from "@/lib/views/ingest";
import { BadRows } from "./bad-rows";
import { ImportSummaryTiles } from "./import-summary";
import { StepSection } from "./step-section";

type Props = { jobId: string; kind: ImportKind; fileName: string; totalRows: number; onImportAnother: () => void };

const count = (value: number) => value.toLocaleString("en");

/** Follows the import job until it ends, then says what happened to every row. */
export function ImportProgress({ jobId, kind, fileName, totalRows, onImportAnother }: Props) {
  const { job, trouble } = useJobPolling<ImportJob>(jobId, getImportJobAction);

  const total = job?.total || totalRows;
  const processed = job?.processed ?? 0;
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  const finished = job?.status === "done" || job?.status === "failed";

  return (
    <StepSection title={finished ? (job?.status === "done" ? "Import finished" : "Import stopped") : `Importing ${fileName}`}>
      <div className="space-y-2">
        <div className="flex justify-between text-sm">
          <span id={`${jobId}-progress-label`} className="font-medium text-slate-800">
            {count(processed)} of {count(total)} rows
          </span>
          <span className="text-slate-500">{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby={`${jobId}-progress-label`}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={processed}
          aria-valuetext={`${count(processed)} of ${count(total)} rows`}
          className="h-2.5 overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className={`h-full rounded-full transition-[width] duration-300 ${job?.status === "failed" ? "bg-red-500" : job?.status === "done" ? "bg-emerald-500" : "bg-brand-600"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <JobResumedNote job={job} work="import" />
        {!finished && job && job.failed > 0 && <p className="text-sm text-slate-600">{count(job.failed)} bad rows so far; they&apos;ll be listed at the end.</p>}
      </div>

      {trouble && (
        <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {trouble}
        </p>
      )}

      <div role="status" className="mt-6">
        {job?.status === "failed" && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{job.error}</p>}
        {job?.status === "done" && job.result && <ImportSummaryTiles kind={kind} summary={job.result} />}
      </div>

      {job && finished && <BadRows jobId={jobId} rows={job.firstBadRows} total={job.failed} />}

      {job && finished && (
        <div className="mt-6 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
          {job.importedLeads !== null && job.importedLeads > 0 && (
            <Link
              href={`/leads?import=${encodeURIComponent(jobId)}`}
              className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
              data-testid="view-imported-leads"
            >
              View {count(job.importedLeads)} imported {job.importedLeads === 1 ? "lead" : "leads"}
            </Link>
          )}
          <Button type="button" variant="secondary" onClick={onImportAnother}>
            Import another file
          </Button>
          <Link href="/board" className="text-sm font-medium text-brand-700 hover:text-brand-600 hover:underline">
            Go to the funnel board
          </Link>
        </div>
      )}
    </StepSection>
  );
}
