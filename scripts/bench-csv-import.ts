// The CSV part of `npm run bench:ingest`: 50,000-row files of leads and of events, imported
// through the same service the Import page uses, from upload to the finished job.
import { setTimeout as sleep } from "node:timers/promises";

const ROWS = 50_000;
const TARGET_SECONDS = 60;

function leadsCsv(): string {
  // A BOM, ";" separators and quoted fields with embedded line breaks, as spreadsheets export them.
  const lines = ["\uFEFFE-mail;First Name;Last Name;Company Name;Employees;Industry;Country;Job Title;Notes"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`csv${i}@bench-import.example;Casey;Row ${i};"Bench; Import ${i % 500} Ltd";${(i % 40) * 50 + 10};Software;GB;VP Sales;"met at booth\nfollow up"`);
  }
  return lines.join("\n");
}

function eventsCsv(emails: readonly string[]): string {
  const lines = ["email,event,timestamp,content"];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i % 60)).toISOString();
    lines.push(`${emails[(i * 7919) % emails.length]},${i % 2 === 0 ? "event_attended" : "content_download"},${day},"Trade show ${i % 30}"`);
  }
  return lines.join("\n");
}

export async function benchCsvImports(emails: readonly string[]) {
  const { db } = await import("../lib/server/store/db");
  const { previewCsv, startCsvImport, getImportJob } = await import("../lib/server/ingest/csv-import");
  const marketer = await db.user.findFirstOrThrow({ where: { role: "MARKETER" } });
  const user = { id: marketer.id, email: marketer.email, name: marketer.name, role: "MARKETER" as const };
  const lines = [];
  for (const [kind, text] of [["leads", leadsCsv()], ["events", eventsCsv(emails)]] as const) {
    const started = performance.now();
    const { mapping } = await previewCsv({ text, kind });
    const jobId = await startCsvImport({ text, kind, mapping, userId: user.id });
    let job = await getImportJob(jobId, user);
    while (job.status === "queued" || job.status === "running") {
      await sleep(100);
      job = await getImportJob(jobId, user);
    }
    const seconds = (performance.now() - started) / 1000;
    if (job.status !== "done" || !job.result) throw new Error(`The ${kind} import ended ${job.status}: ${job.error}`);
    const { created, updated, duplicates, failed } = job.result;
    console.log(`  ${kind} CSV: ${seconds.toFixed(1)} s (created ${created}, updated ${updated}, duplicates ${duplicates}, failed ${failed})`);
    lines.push({
      measure: `CSV import, ${ROWS.toLocaleString("en-US")} ${kind} rows (${(text.length / 1024 / 1024).toFixed(1)} MB): created ${created}, updated ${updated}, failed ${failed}`,
      value: `${seconds.toFixed(1)} s`,
      target: `≤ ${TARGET_SECONDS} s`,
      pass: seconds <= TARGET_SECONDS && failed === 0,
    });
  }
  await db.$disconnect();
  return lines;
}
