// Starts a background job as the app does, then dies the hard way (SIGKILL: no cleanup, no
// finally) as soon as the job has committed a step, like a server killed or losing power.
// Usage: tsx --conditions=react-server tests/support/crash-during-job.ts import <file.csv> <userId> | rescore
import { readFileSync } from "node:fs";
import { suggestMapping } from "../../lib/core/csv-import";
import { readCsv } from "../../lib/core/csv-file";
import { startCsvImport } from "../../lib/server/ingest/csv-import";
import { getJob } from "../../lib/server/jobs/background-jobs";
import { startRescoreJob } from "../../lib/server/jobs/rescore-job";

async function start(): Promise<string> {
  const [kind, file, userId] = process.argv.slice(2);
  if (kind === "rescore") return startRescoreJob(null);
  const text = readFileSync(file, "utf8");
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.error);
  return startCsvImport({ text, kind: "events", mapping: suggestMapping(read.file.headers, "events"), userId });
}

async function main() {
  const jobId = await start();
  process.stdout.write(`${jobId}\n`);
  for (;;) {
    const job = await getJob(jobId);
    if (job.status !== "queued" && job.status !== "running") throw new Error(`The job ended (${job.status}) before it could be interrupted.`);
    if (job.processed > 0) process.kill(process.pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
