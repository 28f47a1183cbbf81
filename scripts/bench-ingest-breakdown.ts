// Where a scored batch's time goes: ingests 1,000-event batches in this process, one at a time,
// and times each store call, on a copy of the 100,000-lead benchmark database, with the events
// bench:ingest sends (benchEvent).
// Usage: npm run bench:ingest-breakdown                   (SQLite)
//        npm run bench:ingest-breakdown -- --db postgres  (the same data in PostgreSQL, as bench:ingest)
import os from "node:os";
import { BENCH_BATCH_SIZE as BATCH_SIZE, benchEvent, closeBenchDatabase, engineName, prepareBenchDatabase } from "./bench-support";

const BATCHES = 20;

async function main() {
  const bench = await prepareBenchDatabase("ingest-breakdown");
  const { db } = await import("../lib/server/store/db");
  const { ingestEvents } = await import("../lib/server/ingest/ingest-events");
  const { ingestStore } = await import("../lib/server/ingest/ingest-store");
  const { funnelStore } = await import("../lib/server/funnel/funnel-store");
  const emails = (await db.lead.findMany({ select: { email: true }, orderBy: { id: "asc" } })).map((lead) => lead.email);

  // Each store method, wrapped to add up the time its calls take.
  const spent = new Map<string, number>();
  for (const store of [ingestStore, funnelStore] as unknown as Array<Record<string, (...args: unknown[]) => Promise<unknown>>>) {
    for (const [name, method] of Object.entries(store)) {
      store[name] = async (...args) => {
        const started = performance.now();
        try {
          return await method(...args);
        } finally {
          spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
        }
      };
    }
  }

  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}; engine: ${engineName(bench.engine)}; one connection, batches one at a time`);
  for (const leadsPerBatch of [BATCH_SIZE, 200]) {
    const batch = (b: number) => Array.from({ length: BATCH_SIZE }, (_, i) => benchEvent(emails, b * BATCH_SIZE + i, leadsPerBatch));
    // A warm-up batch on leads the timed ones don't use.
    await ingestEvents(batch(leadsPerBatch === BATCH_SIZE ? 90 : 400), { source: "api" });
    spent.clear();
    const started = performance.now();
    for (let b = 0; b < BATCHES; b++) await ingestEvents(batch(b + (leadsPerBatch === BATCH_SIZE ? 0 : 300)), { source: "api" });
    const perBatch = (performance.now() - started) / BATCHES;
    const label = leadsPerBatch === BATCH_SIZE ? "each event a different lead" : `${leadsPerBatch} leads a batch`;
    console.log(`\n${label}: ${perBatch.toFixed(0)} ms a batch (${((BATCH_SIZE / perBatch) * 1000).toFixed(0)} events/s)`);
    console.log("| Store call | ms a batch |\n|---|---:|");
    for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) if (ms / BATCHES >= 0.5) console.log(`| ${name} | ${(ms / BATCHES).toFixed(1)} |`);
    const inStores = [...spent.values()].reduce((sum, ms) => sum + ms, 0) / BATCHES;
    console.log(`| everything else (validation, scoring, the commit, answers) | ${(perBatch - inStores).toFixed(1)} |`);
  }
  await closeBenchDatabase(bench);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
