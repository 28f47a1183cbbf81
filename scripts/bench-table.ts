// Measures the lead table (HTTP, production server) on a fresh copy of the 100k-lead benchmark
// database: every built-in view as the role it is made for, every sortable column, deep pages and
// search; then bulk-assigning 10,000 leads the way the page does it (batches of 1,000 through the
// bulk action's server code, in-process).
// Usage: npm run bench:table                   (SQLite: a copy at .tmp/bench-table.db)
//        npm run bench:table -- --db postgres  (that copy in PostgreSQL, on the benchmark cluster
//                                              in .tmp/postgres-bench; stopped at the end)
import os from "node:os";
import { performance } from "node:perf_hooks";
import { BULK_BATCH_SIZE } from "../lib/core/bulk";
import { LEAD_TABLE_COLUMNS } from "../lib/core/lead-table";
import { builtInViews } from "../lib/core/saved-views";
import type { TimedResult } from "./bench-support";
import { closeBenchDatabase, engineName, percentile, resultsTable, signIn, timePage, prepareBenchDatabase, withBenchServer } from "./bench-support";

const TABLE_TARGET_MS = 150;
const BULK_ASSIGN_LEADS = 10_000;
const BULK_ASSIGN_TARGET_MS = 10_000;
const VIEW_USERS: Record<string, string> = {
  review: "marketer@leadgate.test",
  "my-queue": "sales@leadgate.test",
  overdue: "manager@leadgate.test",
  unassigned: "manager@leadgate.test",
  all: "manager@leadgate.test",
};

type Page = { url: string; user: string };

function tablePages(threshold: number): Page[] {
  const manager = "manager@leadgate.test";
  const views = builtInViews(threshold).map((view) => ({ url: `/leads?${view.query}`, user: VIEW_USERS[view.id] ?? manager }));
  const sorts = LEAD_TABLE_COLUMNS.filter((column) => column.sortable).flatMap((column) => [
    { url: `/leads?view=all&sort=${column.id}.asc`, user: manager },
    { url: `/leads?view=all&sort=${column.id}.desc`, user: manager },
  ]);
  const deep = [
    { url: "/leads?view=all&page=100", user: manager },
    { url: "/leads?view=all&sort=company.asc&page=1000", user: manager },
    { url: "/leads?view=all&size=100&page=1000", user: manager },
  ];
  const filtered = [
    { url: "/leads?q=smith", user: manager },
    { url: "/leads?q=smith&sort=createdAt.desc", user: manager },
    { url: "/leads?stage=LEAD&minScore=60&country=DE&sort=fitScore.desc", user: "marketer@leadgate.test" },
    { url: "/leads?stage=MQL,SAL&owner=me&overdue=1", user: "sales@leadgate.test" },
    { url: "/leads?industry=Software&source=webinar&createdFrom=2026-09-01", user: manager },
  ];
  return [...views, ...sorts, ...deep, ...filtered];
}

async function timeBulkAssign(): Promise<TimedResult> {
  const { db } = await import("../lib/server/store/db");
  const { bulkAssign } = await import("../lib/server/funnel/bulk-leads");
  const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@leadgate.test" }, select: { id: true } });
  const reps = await db.user.findMany({ where: { role: "SALES", active: true }, orderBy: { email: "asc" }, select: { id: true } });
  // Open leads of the first rep, handed to the second: the leads "all matching" would select.
  const leads = await db.lead.findMany({ where: { stage: { in: ["MQL", "SAL", "SQL"] }, ownerId: { not: reps[1].id } }, take: BULK_ASSIGN_LEADS, select: { id: true } });
  if (leads.length < BULK_ASSIGN_LEADS) throw new Error(`Only ${leads.length} open leads to assign; the benchmark needs ${BULK_ASSIGN_LEADS}.`);
  const ids = leads.map((lead) => lead.id);
  const started = performance.now();
  let done = 0;
  for (let start = 0; start < ids.length; start += BULK_BATCH_SIZE) {
    done += (await bulkAssign({ id: manager.id, role: "MANAGER" }, { leadIds: ids.slice(start, start + BULK_BATCH_SIZE), assigneeId: reps[1].id })).done;
  }
  const elapsed = performance.now() - started;
  if (done !== BULK_ASSIGN_LEADS) throw new Error(`Bulk assign changed ${done} of ${BULK_ASSIGN_LEADS} leads.`);
  return { name: `Bulk-assign ${BULK_ASSIGN_LEADS.toLocaleString("en-US")} leads (${ids.length / BULK_BATCH_SIZE} batches of ${BULK_BATCH_SIZE})`, samples: [elapsed], targetMs: BULK_ASSIGN_TARGET_MS };
}

async function main() {
  const bench = await prepareBenchDatabase("table");
  try {
    const { db } = await import("../lib/server/store/db");
    const { activeRuleSet } = await import("../lib/server/scoring/lead-scoring");
    const { ensureActiveRuleSet } = await import("../lib/server/scoring/rule-sets");
    await ensureActiveRuleSet();
    const [leads, events] = await Promise.all([db.lead.count(), db.event.count()]);
    console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; engine: ${engineName(bench.engine)}`);
    console.log(`Dataset: ${bench.label}: ${leads} leads, ${events} events\n`);

    const results: TimedResult[] = [];
    await withBenchServer(bench.database, async () => {
      const jars = new Map<string, Awaited<ReturnType<typeof signIn>>>();
      for (const { url, user } of tablePages((await activeRuleSet()).rules.threshold.total)) {
        if (!jars.has(user)) jars.set(user, await signIn(user, "leadgate-demo"));
        const result = { name: `\`${url}\` (${user.split("@")[0]})`, samples: await timePage(url, jars.get(user)!, 'aria-label="Leads"', { warmup: 3, timed: 15 }), targetMs: TABLE_TARGET_MS };
        results.push(result);
        console.log(`  ${url}: median ${percentile(result.samples, 0.5).toFixed(1)} ms`);
      }
    });
    results.push(await timeBulkAssign());
    console.log(`\n${resultsTable(results)}`);
  } finally {
    await closeBenchDatabase(bench);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
