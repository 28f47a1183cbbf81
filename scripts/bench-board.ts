// Measures the funnel board's first render (HTTP, production server) and a stage move
// (in-process) on a fresh copy of the 100k-lead benchmark database.
// Usage: npm run bench:board                   (SQLite: a copy at .tmp/bench-board.db)
//        npm run bench:board -- --db postgres  (that copy in PostgreSQL, on the benchmark cluster
//                                              in .tmp/postgres-bench; stopped at the end)
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { TimedResult } from "./bench-support";
import { closeBenchDatabase, engineName, resultsTable, signIn, timePage, prepareBenchDatabase, withBenchServer } from "./bench-support";

// A sales rep's "my leads" board is the owner-filtered view that has cards; the others as a manager.
const BOARD_VIEWS = [
  { url: "/board", user: "manager@leadgate.test" },
  { url: "/board?owner=me", user: "sales@leadgate.test" },
  { url: "/board?q=smith", user: "manager@leadgate.test" },
  { url: "/board?outcomes=1", user: "manager@leadgate.test" },
];
const MOVED_LEADS = 200;
const BOARD_TARGET_MS = 300;
const MOVE_TARGET_MS = 30;

// --- the measurements ----------------------------------------------------------------------

async function timeMoves(): Promise<TimedResult[]> {
  const { db } = await import("../lib/server/store/db");
  const { moveLead } = await import("../lib/server/funnel/move-lead");
  const marketer = await db.user.findUniqueOrThrow({ where: { email: "marketer@leadgate.test" }, select: { id: true } });
  const actor = { id: marketer.id, role: "MARKETER" as const };
  const leads = await db.lead.findMany({ where: { stage: "LEAD" }, orderBy: { id: "asc" }, take: MOVED_LEADS, select: { id: true, version: true } });

  const toMql: number[] = [];
  const versions = new Map<string, number>();
  for (const lead of leads) {
    const started = performance.now();
    const card = await moveLead(actor, { leadId: lead.id, version: lead.version, move: "markMql" });
    toMql.push(performance.now() - started);
    versions.set(lead.id, card.version);
  }
  const toNurture: number[] = [];
  for (const lead of leads) {
    const started = performance.now();
    await moveLead(actor, { leadId: lead.id, version: versions.get(lead.id)!, move: "nurture", reason: "benchmark" });
    toNurture.push(performance.now() - started);
  }
  return [
    { name: `Stage move LEAD → MQL (markMql, ${leads.length} leads)`, samples: toMql, targetMs: MOVE_TARGET_MS },
    { name: `Stage move MQL → LEAD (nurture, ${leads.length} leads)`, samples: toNurture, targetMs: MOVE_TARGET_MS },
  ];
}

async function datasetCounts() {
  const { db } = await import("../lib/server/store/db");
  const [leads, events, transitions] = await Promise.all([db.lead.count(), db.event.count(), db.stageTransition.count()]);
  return { leads, events, transitions };
}

async function main() {
  const bench = await prepareBenchDatabase("board");
  try {
    const counts = await datasetCounts();
    console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; engine: ${engineName(bench.engine)}`);
    console.log(`Dataset: ${bench.label}: ${counts.leads} leads, ${counts.events} events, ${counts.transitions} transitions\n`);

    const results: TimedResult[] = [];
    await withBenchServer(bench.database, async () => {
      for (const { url, user } of BOARD_VIEWS) {
        const jar = await signIn(user, "leadgate-demo");
        results.push({ name: `Board first render \`${url}\` (${user.split("@")[0]})`, samples: await timePage(url, jar, "Funnel board"), targetMs: BOARD_TARGET_MS });
        console.log(`  measured ${url}`);
      }
    });
    results.push(...(await timeMoves()));
    console.log(`\n${resultsTable(results)}`);
  } finally {
    await closeBenchDatabase(bench);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
