// Measures event ingestion with scoring against the stack's own ceilings, re-scoring after a
// rule change and CSV import, on a copy of the 100,000-lead benchmark database.
// Usage: npm run bench:ingest                   (SQLite)
//        npm run bench:ingest -- --db postgres  (the same data copied into PostgreSQL, on a cluster
//                                               of its own in .tmp/postgres-bench with the server's
//                                               default settings: every commit synced)
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { BASE_URL, BENCH_BATCH_SIZE as BATCH_SIZE, assertPortFree, benchEngine, benchEvent, prepareBenchDatabase, startServer, stopPostgresCluster, stopServer, waitUntilServing } from "./bench-support";

const SECONDS = 10;
const ACTIVE_LEADS_PER_BATCH = 200;

type Line = { measure: string; value: string; target: string; pass: boolean | null };

const ENGINE = benchEngine();
const POSTGRES = ENGINE === "postgres";

/** The resident memory of the server process (server.mjs, spawned by startServer), sampled while the load runs. */
function serverRssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // The server has stopped.
  }
}

async function load(options: { path: string; method?: "GET" | "POST"; bodies?: string[]; key?: string; connections: number; seconds?: number }) {
  let next = 0;
  const result = await autocannon({
    url: `${BASE_URL}${options.path}`,
    method: options.method ?? "GET",
    connections: options.connections,
    duration: options.seconds ?? SECONDS,
    headers: { "content-type": "application/json", ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) },
    requests: [{ setupRequest: (request) => (options.bodies ? { ...request, body: options.bodies[next++ % options.bodies.length] } : request) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${options.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, requests: result.requests.total };
}

async function main() {
  // A copy of .tmp/bench-100k.db at .tmp/bench-ingest.db; on PostgreSQL, that copy in the benchmark cluster.
  const { database } = await prepareBenchDatabase("ingest", ENGINE);
  const { db } = await import("../lib/server/store/db");
  const { createApiKey } = await import("../lib/server/admin/api-keys");
  const { ensureActiveRuleSet } = await import("../lib/server/scoring/rule-sets");
  const { rescoreAllLeads } = await import("../lib/server/scoring/rescore-all");
  const { closeStore } = await import("../lib/server/store/database");
  const lines: Line[] = [];

  await ensureActiveRuleSet();
  const [leadCount, eventCount] = await Promise.all([db.lead.count(), db.event.count()]);
  console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; engine: ${POSTGRES ? "PostgreSQL" : "SQLite"}`);
  console.log(`Dataset: ${leadCount} leads, ${eventCount} events\n`);

  // A rule change: one rule's points go up, saved as a new active version, then every lead is re-scored.
  const active = await db.ruleSet.findFirstOrThrow({ where: { active: true } });
  const rules = JSON.parse(active.rules) as { engagement: Array<{ eventType: string; points: number }> };
  for (const rule of rules.engagement) if (rule.eventType === "content_download") rule.points += 2;
  const latest = await db.ruleSet.aggregate({ _max: { version: true } });
  await db.$transaction([
    db.ruleSet.updateMany({ data: { active: false } }),
    db.ruleSet.create({ data: { version: (latest._max.version ?? 0) + 1, rules: JSON.stringify(rules), active: true, note: "benchmark rule change" } }),
  ]);
  const started = performance.now();
  const rescored = await rescoreAllLeads({ pauses: false });
  const rescoreSeconds = (performance.now() - started) / 1000;
  lines.push({ measure: `Re-score all ${rescored.leads.toLocaleString("en-US")} leads after a rule change`, value: `${rescoreSeconds.toFixed(1)} s`, target: "≤ 60 s", pass: rescoreSeconds <= 60 });
  console.log(`  re-scored in ${rescoreSeconds.toFixed(1)} s`);

  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const { key } = await createApiKey({ name: `benchmark ${Date.now()}`, createdById: admin.id });
  const emails = (await db.lead.findMany({ select: { email: true } })).map((lead) => lead.email);
  await db.$disconnect();
  if (!POSTGRES) {
    // The re-score left about 45 MB of log behind; copied into the database now, as the server's
    // checkpointer would have done a minute later, so the server's measures start on a settled file.
    const { writeConnection } = await import("../lib/server/store/database");
    writeConnection().pragma("wal_checkpoint(TRUNCATE)");
  }
  await closeStore();

  const batchesOf = (leadsPerBatch: number) =>
    Array.from({ length: 20 }, (_, b) => JSON.stringify({ events: Array.from({ length: BATCH_SIZE }, (_, i) => benchEvent(emails, b * BATCH_SIZE + i, leadsPerBatch)) }));
  const batches = batchesOf(BATCH_SIZE);
  const activeLeadBatches = batchesOf(ACTIVE_LEADS_PER_BATCH);
  const singles = Array.from({ length: 5_000 }, (_, i) => JSON.stringify(benchEvent(emails, 1_000_000 + i)));

  await assertPortFree();
  const server = startServer(database, { LEADGATE_API_RATE_LIMIT: "100000000", LEADGATE_BENCH_ROUTES: "1" });
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, serverRssMb(server.pid!))), 200);
  try {
    await waitUntilServing(server);
    await load({ path: "/api/bench/static", connections: 8, seconds: 2 });
    await load({ path: "/api/bench/static-direct", connections: 8, seconds: 2 });
    await load({ path: "/api/v1/events", method: "POST", bodies: singles, key, connections: 8, seconds: 2 });

    // Single events go through server.mjs's direct lane (lib/server/http/direct-lane.ts), so their
    // ceiling is the lane's static answer; the same answer through Next.js is shown beside it.
    const nextStaticJson = await load({ path: "/api/bench/static", connections: 8 });
    const staticJson = await load({ path: "/api/bench/static-direct", connections: 8 });
    console.log(`  static JSON: ${staticJson.requestsPerSecond.toFixed(0)} req/s in the direct lane, ${nextStaticJson.requestsPerSecond.toFixed(0)} req/s through Next.js`);
    for (const connections of [8, 16]) {
      const single = await load({ path: "/api/v1/events", method: "POST", bodies: singles, key, connections });
      console.log(`  single events, ${connections} connections: ${single.requestsPerSecond.toFixed(0)} req/s, p99 ${single.p99} ms`);
      lines.push(
        { measure: `Single-event requests (${connections} connections, 10 s)`, value: `${single.requestsPerSecond.toFixed(0)} req/s`, target: "≥ 500 req/s", pass: single.requestsPerSecond >= 500 },
        { measure: "… p99 latency", value: `${single.p99} ms`, target: "≤ 50 ms", pass: single.p99 <= 50 },
        { measure: "… single events / static JSON in the direct lane", value: `${((single.requestsPerSecond / staticJson.requestsPerSecond) * 100).toFixed(0)} %`, target: "≥ 40 %", pass: single.requestsPerSecond / staticJson.requestsPerSecond >= 0.4 },
        { measure: "… single events / static JSON through Next.js", value: `${((single.requestsPerSecond / nextStaticJson.requestsPerSecond) * 100).toFixed(0)} %`, target: "—", pass: null },
      );
    }
    lines.push(
      { measure: "… ceiling: static JSON in the direct lane (8 connections)", value: `${staticJson.requestsPerSecond.toFixed(0)} req/s`, target: "—", pass: null },
      { measure: "… the same static JSON through Next.js (8 connections)", value: `${nextStaticJson.requestsPerSecond.toFixed(0)} req/s`, target: "—", pass: null },
    );

    const ceiling = await load({ path: "/api/bench/raw-events", method: "POST", bodies: batches, connections: 2 });
    const ceilingRate = ceiling.requestsPerSecond * BATCH_SIZE;
    console.log(`  raw batch insert: ${ceilingRate.toFixed(0)} events/s`);
    const ceilingMethod = POSTGRES ? "one multi-row INSERT per batch" : "raw better-sqlite3 insert";
    lines.push({ measure: `Ceiling: the same batches, ${ceilingMethod}, no scoring (2 connections)`, value: `${ceilingRate.toFixed(0)} events/s`, target: "—", pass: null });
    for (const [label, bodies] of [[`each event a different lead`, batches], [`${ACTIVE_LEADS_PER_BATCH} active leads a batch`, activeLeadBatches]] as const) {
      const scored = await load({ path: "/api/v1/events", method: "POST", bodies: [...bodies], key, connections: 2, seconds: 20 });
      const scoredRate = scored.requestsPerSecond * BATCH_SIZE;
      console.log(`  scored batches, ${label}: ${scoredRate.toFixed(0)} events/s`);
      lines.push(
        { measure: `Batch ingestion with scoring, ${BATCH_SIZE} events a request, ${label} (2 connections, 20 s)`, value: `${scoredRate.toFixed(0)} events/s`, target: "≥ 5,000 events/s", pass: scoredRate >= 5_000 },
        { measure: "… scored / ceiling", value: `${((scoredRate / ceilingRate) * 100).toFixed(0)} %`, target: "≥ 50 %", pass: scoredRate / ceilingRate >= 0.5 },
      );
    }
  } finally {
    clearInterval(sampler);
    await stopServer(server);
  }
  lines.push({ measure: "Server memory, highest RSS during the run", value: `${maxRss.toFixed(0)} MB`, target: "< 600 MB", pass: maxRss < 600 });

  const { benchCsvImports } = await import("./bench-csv-import");
  lines.push(...(await benchCsvImports(emails)));

  console.log("\n| Measure | Result | Target | Verdict |\n|---|---:|---|---|");
  for (const line of lines) console.log(`| ${line.measure} | ${line.value} | ${line.target} | ${line.pass === null ? "" : line.pass ? "PASS" : "FAIL"} |`);
  if (POSTGRES) {
    // The imports ran on this process's side of the job queue.
    const { stopJobQueue } = await import("../lib/server/jobs/job-queue-store");
    await stopJobQueue();
    await closeStore();
    stopPostgresCluster();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
