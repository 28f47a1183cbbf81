import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import type { JobView } from "@/lib/views/jobs";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { db } from "@/lib/server/store/db";
import { resumeJobs } from "@/lib/server/jobs/server-start";
import { saveRuleSet } from "@/lib/server/scoring/rule-sets";
import { createDisqualificationReasons, createLead, createUser } from "../support/factories";
import { TMP_DIR } from "../support/paths";

const ROWS = 3_000;
// Every 250th row has no event type: the import reports each such row once, resumed or not.
const BAD_EVERY = 250;

/** Runs a job in another process and kills it (SIGKILL) once the job has committed a step. */
function crashDuring(...args: string[]): string {
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/crash-during-job.ts", ...args], {
    env: process.env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(child.signal, child.stderr).toBe("SIGKILL");
  return child.stdout.trim();
}

/**
 * On PostgreSQL the dead process's job stays leased to it until the lease runs out; only then may
 * another instance take it over (lib/server/jobs/job-queue-store.ts). SQLite has no leases.
 */
async function untilLeaseRunsOut(jobId: string): Promise<void> {
  const { leaseUntil } = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
  if (leaseUntil) await new Promise((resolve) => setTimeout(resolve, Math.max(0, leaseUntil.getTime() - Date.now()) + 50));
}

async function untilEnded(jobId: string): Promise<JobView> {
  for (;;) {
    const job = await getJob(jobId);
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a job a crash interrupted carries on when the server starts again", () => {
  test("an import resumes after its last committed rows: every row once, bad rows reported once", async () => {
    const user = await createUser("MARKETER");
    const lines = ["email,type,occurred_at"];
    for (let row = 1; row <= ROWS; row += 1) lines.push(`person${row % 500}@resume.example,${row % BAD_EVERY === 0 ? "" : "page_view"},2026-11-${String(1 + (row % 28)).padStart(2, "0")}T10:${String(row % 60).padStart(2, "0")}:${String(Math.floor(row / 60) % 60).padStart(2, "0")}Z`);
    const file = path.join(TMP_DIR, `resume-${process.pid}.csv`);
    writeFileSync(file, `${lines.join("\n")}\n`);

    const jobId = crashDuring("import", file, user.id);
    const interrupted = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(interrupted.status).toBe("running");
    expect(interrupted.processed).toBeGreaterThan(0);
    expect(interrupted.processed).toBeLessThan(ROWS);
    expect(await db.event.count()).toBe(interrupted.processed - (await db.importRowError.count({ where: { jobId } })));

    await untilLeaseRunsOut(jobId);
    expect(await resumeJobs()).toEqual([jobId]);
    const job = await untilEnded(jobId);
    const bad = Math.floor(ROWS / BAD_EVERY);
    expect(job).toMatchObject({ status: "done", processed: ROWS, resumes: 1, result: { total: ROWS, created: ROWS - bad, duplicates: 0, failed: bad } });
    expect(job.resumedAt).not.toBeNull();
    expect(await db.event.count()).toBe(ROWS - bad);
    expect(await db.importRowError.count({ where: { jobId } })).toBe(bad);
    // The file is dropped once the import ends.
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } })).input).toBeNull();
  });

  test("a re-score resumes after its last committed leads: every lead ends on the new rules, counted once", async () => {
    await createDisqualificationReasons();
    for (let made = 0; made < 600; made += 1) await createLead();
    const leads = await db.lead.count();
    const { version } = await saveRuleSet({ rules: DEFAULT_SCORING_RULES, note: "A new version to re-score with", userId: null });

    const jobId = crashDuring("rescore");
    const interrupted = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(interrupted.status).toBe("running");
    expect(await db.lead.count({ where: { ruleSetVersion: version } })).toBe(interrupted.processed);
    expect(interrupted.processed).toBeLessThan(leads);

    await untilLeaseRunsOut(jobId);
    await resumeJobs();
    const job = await untilEnded(jobId);
    expect(job).toMatchObject({ status: "done", processed: leads, resumes: 1, result: { leads, ruleSetVersion: version } });
    expect(await db.lead.count({ where: { ruleSetVersion: { not: version } } })).toBe(0);
  });
});
