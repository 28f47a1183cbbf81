import "server-only";
import { msToTimestamp, postgresRow, postgresRows, postgresRun } from "@/lib/server/store/postgres-sql";
import { timeOrderedId } from "@/lib/server/store/time-ordered-id";
import type { ClaimedJob, InterruptedJobRow, JobSqlStore } from "./job-store";
import { runnerId } from "./runner";

/*
 * job-store.ts's SQL on PostgreSQL. A step is written on the transaction's connection, so it
 * commits with the work it records; an import's batch of bad rows and written leads goes in
 * one statement each (arrays through unnest) instead of a round trip per row.
 *
 * Several instances run jobs: the one that claims a job holds it under a lease (runner,
 * leaseUntil). The claim locks the row with SKIP LOCKED, so of instances claiming at once one
 * gets it and the others move on without waiting. A run writes its steps and status only while
 * no other runner holds the job: a step and its checkpoint commit together, and a claim reads
 * the checkpoint in the same statement that takes the job, so after a takeover the old run can
 * store nothing more and the new one starts exactly where the last stored step left it.
 */

/** The job is held by another instance now, which carries it on: this run must write nothing more. */
export class JobLeaseLost extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another instance.`);
    this.name = "JobLeaseLost";
  }
}

const UNFINISHED = `status IN ('queued', 'running')`;

export const postgresJobStore: JobSqlStore = {
  interrupted: (q) =>
    postgresRows<InterruptedJobRow>(q, {
      text: `SELECT id, kind, payload, checkpoint FROM "BackgroundJob" WHERE ${UNFINISHED} ORDER BY "createdAt"`,
    }),
  async input(q, jobId) {
    return (await postgresRow<{ input: string | null }>(q, { name: "job_input", text: `SELECT input FROM "BackgroundJob" WHERE id = $1`, values: [jobId] }))?.input ?? null;
  },
  async importedLeadEmails(q, jobId) {
    const rows = await postgresRows<{ email: string }>(q, {
      text: `SELECT l.email FROM "ImportedLead" i JOIN "Lead" l ON l.id = i."leadId" WHERE i."jobId" = $1`,
      values: [jobId],
    });
    return rows.map((row) => row.email);
  },
  async insert(tx, job) {
    const id = timeOrderedId();
    await postgresRun(tx, {
      name: "job_insert",
      text: `INSERT INTO "BackgroundJob" (id, kind, status, payload, input, "createdById", "createdAt", "updatedAt")
             VALUES ($1, $2, 'queued', $3, $4, $5, ${msToTimestamp("$6")}, ${msToTimestamp("$6")})`,
      values: [id, job.kind, job.payload, job.input ?? null, job.createdById, Date.now()],
    });
    return id;
  },
  async update(tx, id, change) {
    const { count } = await tx.orm.backgroundJob.updateMany({ where: { id, OR: [{ runner: null }, { runner: runnerId() }] }, data: change });
    if (count === 0) throw new JobLeaseLost(id);
  },
  // The process that resumes the job runs it without a lease: an instance that claims it later takes it over.
  async markResumed(tx, jobId) {
    await postgresRun(tx, {
      name: "job_mark_resumed",
      text: `UPDATE "BackgroundJob" SET status = 'running', resumes = resumes + 1, "resumedAt" = ${msToTimestamp("$2")}, "updatedAt" = ${msToTimestamp("$2")},
               runner = NULL, "leaseUntil" = NULL
             WHERE id = $1`,
      values: [jobId, Date.now()],
    });
  },
  async saveStep(tx, jobId, step) {
    const saved = await postgresRun(tx, {
      name: "job_save_step",
      text: `UPDATE "BackgroundJob" SET checkpoint = $2, processed = $3, total = $4, failed = COALESCE($5::int, failed), "updatedAt" = ${msToTimestamp("$6")}
             WHERE id = $1 AND (runner IS NULL OR runner = $7)`,
      values: [jobId, JSON.stringify(step.checkpoint), step.processed, step.total, step.failed ?? null, Date.now(), runnerId()],
    });
    if (saved === 0) throw new JobLeaseLost(jobId);
  },
  async insertRowErrors(tx, jobId, errors) {
    if (errors.length === 0) return;
    await postgresRun(tx, {
      name: "job_insert_row_errors",
      text: `INSERT INTO "ImportRowError" (id, "jobId", line, field, reason, raw)
             SELECT e.id, $1, e.line, e.field, e.reason, e.raw FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS e(id, line, field, reason, raw)`,
      values: [
        jobId,
        errors.map(() => timeOrderedId()),
        errors.map((error) => error.line),
        errors.map((error) => error.field),
        errors.map((error) => error.reason),
        errors.map((error) => error.raw),
      ],
    });
  },
  async insertImportedLeads(tx, jobId, leadIds) {
    if (leadIds.length === 0) return;
    await postgresRun(tx, {
      name: "job_insert_imported_leads",
      text: `INSERT INTO "ImportedLead" ("jobId", "leadId") SELECT DISTINCT $1::text, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      values: [jobId, [...leadIds]],
    });
  },
  claim: (tx, jobId, runner, leaseUntil) =>
    postgresRow<ClaimedJob>(tx, {
      name: "job_claim",
      text: `UPDATE "BackgroundJob" j SET runner = $2, "leaseUntil" = ${msToTimestamp("$3")}, "updatedAt" = ${msToTimestamp("$4")},
               resumes = j.resumes + CASE WHEN j.status = 'running' THEN 1 ELSE 0 END,
               "resumedAt" = CASE WHEN j.status = 'running' THEN ${msToTimestamp("$4")} ELSE j."resumedAt" END
             WHERE j.id = (SELECT id FROM "BackgroundJob" WHERE id = $1 AND runner IS NULL AND ${UNFINISHED} FOR UPDATE SKIP LOCKED)
             RETURNING j.kind, j.payload, j.checkpoint`,
      values: [jobId, runner, leaseUntil, Date.now()],
    }),
  async renewLease(tx, jobId, runner, leaseUntil) {
    const renewed = await postgresRun(tx, {
      name: "job_renew_lease",
      text: `UPDATE "BackgroundJob" SET "leaseUntil" = ${msToTimestamp("$3")} WHERE id = $1 AND runner = $2 AND ${UNFINISHED}`,
      values: [jobId, runner, leaseUntil],
    });
    return renewed === 1;
  },
  async releaseExpiredLeases(tx, now) {
    // Jobs nobody holds are named again too: one whose instance stopped before queuing it, or
    // whose claim skipped it while another transaction had its row locked.
    const rows = await postgresRows<{ id: string }>(tx, {
      name: "job_release_expired_leases",
      text: `WITH released AS (
               UPDATE "BackgroundJob" SET runner = NULL, "leaseUntil" = NULL WHERE ${UNFINISHED} AND "leaseUntil" < ${msToTimestamp("$1")} RETURNING id
             )
             SELECT id FROM released UNION SELECT id FROM "BackgroundJob" WHERE ${UNFINISHED} AND runner IS NULL`,
      values: [now],
    });
    return rows.map((row) => row.id);
  },
};
