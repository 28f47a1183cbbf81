import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { DEFAULT_SCORING_RULES } from "../../lib/core/scoring/default-rules";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { TEMPLATE_DATABASE, TMP_DIR } from "./paths";
import { POSTGRES_TEMPLATE, postgresTestUrl } from "./test-engine";

// Migrates one template database with the real `prisma migrate deploy`; each test file
// then works on its own copy of it (fresh-database.ts).
export default function setUpSqlite() {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DATABASE}`, CHECKPOINT_DISABLE: "1" },
  });
  const template = new Database(TEMPLATE_DATABASE);
  // In WAL mode like production's database (scripts/setup-database.ts): the mode is stored in
  // the file, so every copy of the template opens in it too.
  template.pragma("journal_mode = WAL");
  // As `npm run db:setup` does: the default scoring rules are version 1.
  template
    .prepare(`INSERT INTO "RuleSet" (id, version, rules, note, active, createdAt) VALUES ('default-rules', 1, ?, 'Default rules', 1, ?)`)
    .run(JSON.stringify(DEFAULT_SCORING_RULES), Date.now());
  // The test files copy the database file alone: every write must be in it, none left in the log.
  template.pragma("wal_checkpoint(TRUNCATE)");
  template.close();
  if (existsSync(`${TEMPLATE_DATABASE}-wal`)) throw new Error("The template database's write-ahead log outlived its checkpoint: its copies would miss writes.");
}

// A cluster of the tests' own (started if it is not running), a template database migrated
// like production's, and each test file a database created from the template.
export async function setUpPostgres() {
  process.env.LEADGATE_TEST_POSTGRES_URL ??= execFileSync("bash", ["scripts/postgres-cluster.sh", "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  const admin = new pg.Client({ connectionString: postgresTestUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: postgresTestUrl(POSTGRES_TEMPLATE), CHECKPOINT_DISABLE: "1" },
  });
  const template = new pg.Client({ connectionString: postgresTestUrl(POSTGRES_TEMPLATE) });
  await template.connect();
  try {
    await template.query(`INSERT INTO "RuleSet" (id, version, rules, note, active, "createdAt") VALUES ('default-rules', 1, $1, 'Default rules', true, now())`, [
      JSON.stringify(DEFAULT_SCORING_RULES),
    ]);
  } finally {
    await template.end();
  }
}
