// Measures the manager dashboard's figures (HTTP, production server) on a fresh copy of the
// 100k-lead benchmark database: GET /api/v1/metrics/funnel for 90 days and a year ending today,
// with and without a segment filter, and the Dashboard page for the same ranges; then the API
// again with one new event sent before each request, so that each one reads the database afresh
// instead of reusing the last read.
// Usage: npm run bench:dashboard                   (SQLite: a copy at .tmp/bench-dashboard.db)
//        npm run bench:dashboard -- --db postgres  (that copy in PostgreSQL, on the benchmark
//                                                  cluster in .tmp/postgres-bench; stopped at the end)
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { TimedResult } from "./bench-support";
import { BASE_URL, closeBenchDatabase, engineName, percentile, resultsTable, signIn, timePage, prepareBenchDatabase, withBenchServer } from "./bench-support";

const TARGET_MS = { 90: 500, 365: 1_500 } as const;
const TIMING = { warmup: 3, timed: 15 };
const DAY_MS = 86_400_000;

type Range = { days: keyof typeof TARGET_MS; from: string; to: string };

function rangesEndingToday(): Range[] {
  const today = Date.now();
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  return ([90, 365] as const).map((days) => ({ days, from: day(today - (days - 1) * DAY_MS), to: day(today) }));
}

/**
 * Times GET requests of an API URL after warm-up ones; each answer must be 200 with the
 * dashboard's figures. `beforeEach` runs untimed before every request.
 */
async function timeApi(url: string, key: string, beforeEach: () => Promise<void> = async () => {}): Promise<number[]> {
  const samples: number[] = [];
  for (let request = 0; request < TIMING.warmup + TIMING.timed; request++) {
    await beforeEach();
    const started = performance.now();
    const response = await fetch(`${BASE_URL}${url}`, { headers: { authorization: `Bearer ${key}` } });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !body.includes('"funnel"')) throw new Error(`GET ${url} answered ${response.status}:\n${body.slice(0, 500)}`);
    if (request >= TIMING.warmup) samples.push(elapsed);
  }
  return samples;
}

async function prepareDatabase(): Promise<{ segment: { source: string }; emails: string[] }> {
  const { db } = await import("../lib/server/store/db");
  const { ensureActiveRuleSet } = await import("../lib/server/scoring/rule-sets");
  await ensureActiveRuleSet();
  // Databases generated before leads kept their first-touch campaign get it from one re-score.
  if ((await db.lead.count({ where: { campaign: { not: null } } })) === 0) {
    const { rescoreAllLeads } = await import("../lib/server/scoring/rescore-all");
    console.log("No lead has a campaign yet: re-scoring every lead once to fill them in…");
    const started = performance.now();
    await rescoreAllLeads({ pauses: false });
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // The segment: the biggest source, so the filtered dashboard still has most of the work to do.
  const [biggest] = await db.lead.groupBy({ by: ["source"], where: { source: { not: null } }, _count: { _all: true }, orderBy: { _count: { source: "desc" } }, take: 1 });
  const leads = await db.lead.findMany({ orderBy: { id: "asc" }, take: TIMING.warmup + TIMING.timed, select: { email: true } });
  return { segment: { source: biggest.source! }, emails: leads.map((lead) => lead.email) };
}

/**
 * Sends one page view of a known lead through the API, as a live system gets them all the time:
 * the database changed, so the dashboard's next request must read every lead and transition again.
 */
function eventSender(key: string, emails: readonly string[]): () => Promise<void> {
  let sent = 0;
  return async () => {
    const email = emails[sent++ % emails.length];
    const response = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ email, type: "page_view", properties: { url: "/bench-dashboard" } }),
    });
    if (response.status !== 201) throw new Error(`POST /api/v1/events answered ${response.status}: ${await response.text()}`);
  };
}

async function createBenchKey(): Promise<{ id: string; key: string }> {
  const { db } = await import("../lib/server/store/db");
  const { createApiKey } = await import("../lib/server/admin/api-keys");
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@leadgate.test" }, select: { id: true } });
  return createApiKey({ name: `bench-dashboard ${new Date().toISOString()}`, createdById: admin.id });
}

async function main() {
  const bench = await prepareBenchDatabase("dashboard");
  try {
    const { db } = await import("../lib/server/store/db");
    const { segment, emails } = await prepareDatabase();
    const [leads, events, transitions] = await Promise.all([db.lead.count(), db.event.count(), db.stageTransition.count()]);
    console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; engine: ${engineName(bench.engine)}`);
    console.log(`Dataset: ${bench.label}: ${leads} leads, ${events} events, ${transitions} transitions\n`);

    const ranges = rangesEndingToday();
    const apiKey = await createBenchKey();
    const results: TimedResult[] = [];
    try {
      await withBenchServer(bench.database, async () => {
        const manager = await signIn("manager@leadgate.test", "leadgate-demo");
        for (const range of ranges) {
          for (const filter of [{}, segment]) {
            const query = new URLSearchParams({ from: range.from, to: range.to, ...filter }).toString();
            const targetMs = TARGET_MS[range.days];
            const label = `${range.days} days${"source" in filter ? `, source ${filter.source}` : ""}`;
            const api = { name: `\`GET /api/v1/metrics/funnel\` ${label}`, samples: await timeApi(`/api/v1/metrics/funnel?${query}`, apiKey.key), targetMs };
            results.push(api);
            console.log(`  ${api.name}: median ${percentile(api.samples, 0.5).toFixed(1)} ms`);
            const page = { name: `\`/dashboard\` ${label} (manager)`, samples: await timePage(`/dashboard?${query}`, manager, "Dashboard", TIMING), targetMs };
            results.push(page);
            console.log(`  ${page.name}: median ${percentile(page.samples, 0.5).toFixed(1)} ms`);
          }
          // The same figures while events stream in: every request reads the database again.
          const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
          const live = { name: `\`GET /api/v1/metrics/funnel\` ${range.days} days, one new event before each request`, samples: await timeApi(`/api/v1/metrics/funnel?${query}`, apiKey.key, eventSender(apiKey.key, emails)), targetMs: TARGET_MS[range.days] };
          results.push(live);
          console.log(`  ${live.name}: median ${percentile(live.samples, 0.5).toFixed(1)} ms`);
        }
      });
    } finally {
      const { revokeApiKey } = await import("../lib/server/admin/api-keys");
      await revokeApiKey(apiKey.id);
    }
    console.log(`\n${resultsTable(results)}`);
  } finally {
    await closeBenchDatabase(bench);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
