import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { postgresSchema } from "@/scripts/postgres-schema";
import { postgresTestUrl, testEngine } from "../support/test-engine";

// One model description (prisma/schema.prisma) for two engines: the PostgreSQL schema is written
// from it, and each engine's migrations, replayed from nothing, build exactly its schema.

const root = path.resolve(import.meta.dirname, "../..");

test("the PostgreSQL schema is the SQLite one with only the engine changed", () => {
  const written = readFileSync(path.join(root, "prisma/postgres/schema.prisma"), "utf8");
  expect(written).toBe(postgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")));
  expect(written).toContain('provider = "postgresql"');
});

test("this engine's migrations build its schema, with nothing missing or left over", () => {
  const postgres = testEngine() === "postgres";
  const args = postgres
    ? ["--config", "prisma/postgres/prisma.config.ts", "--from-migrations", "prisma/postgres/migrations", "--to-schema-datamodel", "prisma/postgres/schema.prisma"]
    : ["--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma"];
  // The CLI opens DATABASE_URL even though the diff replays into a shadow database of its own.
  const sqliteFile = path.join(root, `.tmp/drift-check-${process.pid}.db`);
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: postgres ? postgresTestUrl("postgres") : `file:${sqliteFile}` };
  // --exit-code: 0 when they match, 2 when the migrations differ from the schema.
  const run = () => execFileSync("npx", ["prisma", "migrate", "diff", ...args, "--exit-code"], { cwd: root, env, encoding: "utf8", stdio: "pipe" });
  try {
    expect(run).not.toThrow();
  } finally {
    rmSync(sqliteFile, { force: true });
  }
}, 60_000);
