// Brings the database to the current schema (prisma migrate deploy) and seeds the demo
// data into an empty database. Never overwrites: a database with users or leads is left as is.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteUrl } from "../lib/database-url";
import { databaseUrl } from "../lib/env";
import { createDb } from "../lib/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { isEmpty, seedDemo } from "../prisma/seed/seed-demo";

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
      console.log(`Seeded the demo data into ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } else {
      console.log(`${file} already holds data; leaving it as it is.`);
    }
  } finally {
    await db.$disconnect();
  }
  console.log(`\nDemo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
