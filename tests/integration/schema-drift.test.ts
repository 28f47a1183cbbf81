import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: postgres ? postgresTestUrl("postgres") : `file:${path.join(root, ".tmp/drift-check.db")}` };
  // --exit-code: 0 when they match, 2 when the migrations differ from the schema.
  const run = () => execFileSync("npx", ["prisma", "migrate", "diff", ...args, "--exit-code"], { cwd: root, env, encoding: "utf8", stdio: "pipe" });
  expect(run).not.toThrow();
}, 60_000);
