// Brings the database to the current schema (prisma migrate deploy) and prepares it for a first run
// (prisma/seed/prepare-database.ts):
// - LEADGATE_DEMO=on (the default): an empty database gets the demo users and leads;
// - LEADGATE_DEMO=off: no demo leads or users, a clean start for a team's own data.
// Either way it installs the default scoring rules and disqualification reasons when there are none,
// creates the first admin from LEADGATE_ADMIN_EMAIL and LEADGATE_ADMIN_PASSWORD when no user has
// that e-mail, and registers the API key from LEADGATE_DEMO_API_KEY.
// Never overwrites: what is already there is left as it is, so running it again changes nothing.
// Usage: npm run db:setup            (npm run db:setup -- --check only validates the settings)
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseEngine, sqliteUrl } from "../lib/database-url";
import { checkEnvironment, databaseUrl } from "../lib/env";

async function main() {
  // A bad setting stops here, before anything is migrated or written (and before the modules that
  // read the settings as they load).
  checkEnvironment();
  if (process.argv.includes("--check")) return;
  const { createDb } = await import("../lib/server/store/db");
  const { closeStore } = await import("../lib/server/store/database");
  const { prepareDatabase } = await import("../prisma/seed/prepare-database");

  const postgres = databaseEngine(databaseUrl()) === "postgres";
  let where: string;
  if (postgres) {
    execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    where = `PostgreSQL, ${new URL(databaseUrl()!).host}${new URL(databaseUrl()!).pathname}`;
  } else {
    const file = sqliteUrl(databaseUrl());
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" },
    });
    // WAL lets readers (the board) carry on while a move is written; it is stored in the file.
    new Database(file).pragma("journal_mode = WAL");
    where = file;
  }

  const db = createDb();
  try {
    const report = await prepareDatabase(db);
    console.log(`\nDatabase: ${where}`);
    for (const line of report.lines) console.log(line);
  } finally {
    await db.$disconnect();
    await closeStore();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
