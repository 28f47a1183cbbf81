import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { DEFAULT_SCORING_RULES } from "../../lib/core/scoring/default-rules";
import { mkdirSync, rmSync } from "node:fs";
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
  // As `npm run db:setup` does: the default scoring rules are version 1.
  const template = new Database(TEMPLATE_DATABASE);
  template
    .prepare(`INSERT INTO "RuleSet" (id, version, rules, note, active, createdAt) VALUES ('default-rules', 1, ?, 'Default rules', 1, ?)`)
    .run(JSON.stringify(DEFAULT_SCORING_RULES), Date.now());
  template.close();
}
