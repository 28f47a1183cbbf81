import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { DEFAULT_SCORING_RULES } from "../../lib/core/scoring/default-rules";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { TEMPLATE_DATABASE, TMP_DIR } from "./paths";

// Migrates one template database with the real `prisma migrate deploy`; each test file
// then works on its own copy of it.
export default function setup() {
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
