// Builds a fresh SQLite database for benchmarks: the demo users and reasons plus N generated leads.
// Usage: npm run seed:generate -- [--leads 100000] [--out .tmp/bench-100k.db]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createDb } from "../lib/server/store/db";
import { rescoreAllLeads } from "../lib/server/scoring/rescore-all";
import { ensureActiveRuleSet } from "../lib/server/scoring/rule-sets";
import { closeStore } from "../lib/server/store/database";
import type { Dataset } from "../prisma/seed/generate";
import { generateDataset } from "../prisma/seed/generate";
import { insertDataset } from "../prisma/seed/insert";
import { demoAnchor, seedDemo } from "../prisma/seed/seed-demo";

const DEFAULT_OUT = ".tmp/bench-100k.db";
const DEFAULT_LEAD_COUNT = 100_000;

// seedDemo's single transaction times out (120 s) long before 100k leads (~1M events) are
// written, so the leads go in per chunk, each chunk with its own leads' events and transitions.
const LEADS_PER_CHUNK = 10_000;

export type DatasetCounts = { users: number; leads: number; events: number; transitions: number };

function sliceByLeads(dataset: Dataset, start: number, end: number): Dataset {
  const leads = dataset.leads.slice(start, end);
  const ids = new Set(leads.map((lead) => lead.id));
  return {
    leads,
    events: dataset.events.filter((event) => ids.has(event.leadId)),
    transitions: dataset.transitions.filter((transition) => ids.has(transition.leadId)),
    assignments: dataset.assignments.filter((assignment) => ids.has(assignment.leadId)),
  };
}

export async function generateLeads(options: { leads?: number; out?: string } = {}): Promise<DatasetCounts> {
  const leadCount = options.leads ?? DEFAULT_LEAD_COUNT;
  const file = path.resolve(options.out ?? DEFAULT_OUT);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" },
  });
  // Same journal mode as the app's database, so reads and writes contend the way they do there.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  // The scoring store reads DATABASE_URL; point it at the file being built.
  process.env.DATABASE_URL = `file:${file}`;
  const db = createDb(file);
  try {
    const anchor = demoAnchor();
    // With no leads, seedDemo writes just the demo users and reasons, exactly as the demo has them.
    await seedDemo(db, { leadCount: 0, historyCount: 0, anchor });
    const users = await db.user.findMany({ select: { id: true, email: true } });
    const idOf = (email: string) => users.find((user) => user.email === email)!.id;
    const actors = {
      marketerId: idOf("marketer@leadgate.test"),
      managerId: idOf("manager@leadgate.test"),
      salesRepIds: [idOf("sales@leadgate.test"), idOf("sales2@leadgate.test")],
    };

    // One call, so the ids, e-mails and random stream match seedDemo's for the same count.
    const dataset = generateDataset({ count: leadCount, anchor });
    console.log(`Generated ${leadCount} leads, ${dataset.events.length} events, ${dataset.transitions.length} transitions (${elapsed()})`);
    for (let start = 0; start < leadCount; start += LEADS_PER_CHUNK) {
      await insertDataset(db, sliceByLeads(dataset, start, start + LEADS_PER_CHUNK), actors);
      console.log(`  inserted ${Math.min(start + LEADS_PER_CHUNK, leadCount)} / ${leadCount} leads (${elapsed()})`);
    }

    // Scores from the real engine and default rules, as the demo has them.
    await ensureActiveRuleSet();
    const scored = await rescoreAllLeads({ pauses: false });
    console.log(`Scored ${scored.leads} leads: ${scored.movedToMql} became MQL, ${scored.disqualified} were disqualified (${elapsed()})`);

    const [userCount, leads, events, transitions] = await Promise.all([db.user.count(), db.lead.count(), db.event.count(), db.stageTransition.count()]);
    const counts = { users: userCount, leads, events, transitions };
    console.log(`Wrote ${file} in ${elapsed()}: ${Object.entries(counts).map(([table, count]) => `${count} ${table}`).join(", ")}`);
    return counts;
  } finally {
    await db.$disconnect();
    await closeStore();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { leads: { type: "string" }, out: { type: "string" } } });
  const leads = values.leads === undefined ? undefined : Number(values.leads);
  if (leads !== undefined && !(Number.isInteger(leads) && leads >= 0)) {
    console.error(`--leads must be a whole number, got "${values.leads}"`);
    process.exit(1);
  }
  generateLeads({ leads, out: values.out }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
