// Brings the database to the current schema (prisma migrate deploy) and seeds the demo
// data into an empty database. Never overwrites: a database with users or leads is left as is.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteUrl } from "../lib/database-url";
import { databaseUrl, demoApiKey } from "../lib/env";
import { ensureDemoApiKey } from "../lib/server/api-keys";
import { createDb } from "../lib/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { isEmpty, seedDemo } from "../prisma/seed/seed-demo";
import { rescoreAllLeads } from "../lib/server/rescore-all";
import { closeStore } from "../lib/server/sql/sqlite-store";
import { ensureActiveRuleSet } from "../lib/server/rule-sets";

async function main() {
  const file = sqliteUrl(databaseUrl());
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" },
  });
  // WAL lets readers (the board) carry on while a move is written; it is stored in the file.
  new Database(file).pragma("journal_mode = WAL");

  const db = createDb(file);
  try {
    if (await isEmpty(db)) {
      const started = Date.now();
      await seedDemo(db);
      // The demo's scores come from the real engine and the default rules, as live ones would.
      const scored = await rescoreAllLeads();
      console.log(`Seeded the demo data into ${file} and scored ${scored.leads} leads in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } else {
      await ensureActiveRuleSet(db);
      console.log(`${file} already holds data; leaving it as it is.`);
    }
    // Outside the seed, so a database seeded before the variable was set gets the key too.
    const demoKey = demoApiKey();
    if (demoKey && (await ensureDemoApiKey(demoKey, db))) console.log("Registered the demo API key.");
  } finally {
    await db.$disconnect();
    closeStore();
  }
  console.log(`\nDemo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
