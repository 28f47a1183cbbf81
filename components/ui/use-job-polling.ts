"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { ActionResult } from "@/lib/server/errors";

const POLL_MS = 500;
const RETRY_MS = 2_000;

/**
 * Follows a background job (a re-score, an import) until it is done or failed. A refusal stops
 * following it with its message; a dropped connection doesn't stop the job on the server, so
 * polling goes on, slower, and says so.
 */
export function useJobPolling<Job extends { status: string }>(
  jobId: string,
  fetchJob: (input: { jobId: string }) => Promise<ActionResult<Job>>,
  onFinished: (job: Job) => void = () => {},
): { job: Job | null; trouble: string | null } {
  const [job, setJob] = useState<Job | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const fetchLatest = useEffectEvent(fetchJob);
  const finished = useEffectEvent(onFinished);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const result = await fetchLatest({ jobId });
        if (stopped) return;
        if (!result.ok) return setTrouble(result.error.message);
        setTrouble(null);
        setJob(result.data);
        if (result.data.status === "queued" || result.data.status === "running") timer = setTimeout(poll, POLL_MS);
        else finished(result.data);
      } catch {
        if (stopped) return;
        setTrouble("Can't reach the server right now; still trying. The work goes on meanwhile.");
        timer = setTimeout(poll, RETRY_MS);
      }
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  return { job, trouble };
}
