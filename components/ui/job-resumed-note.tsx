"use client";

/** `startsOver`: work without steps (training) begins again rather than carrying on. */
type Props = { job: { resumes: number; resumedAt: string | null } | null; work: string; startsOver?: boolean };

const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });

/** Says that a restart interrupted a background job and it carried on, so a pause in its progress has an explanation. */
export function JobResumedNote({ job, work, startsOver = false }: Props) {
  if (!job || job.resumes === 0 || !job.resumedAt) return null;
  const when = time.format(new Date(job.resumedAt));
  return (
    <p className="mt-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="job-resumed">
      The server restarted during this {work}
      {job.resumes > 1 ? ` (${job.resumes} times)` : ""}; it {startsOver ? `started over at ${when}.` : `resumed at ${when} from where it stopped. Nothing is done twice.`}
    </p>
  );
}
