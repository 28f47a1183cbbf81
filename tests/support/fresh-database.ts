import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, vi } from "vitest";
import { TEMPLATE_DATABASE, TMP_DIR } from "./paths";
import { signedInSession } from "./sign-in";
import { createPostgresTestDatabase, dropPostgresTestDatabase, postgresTestUrl, testEngine } from "./test-engine";

// Runs before each test file: a fresh database of its own, and sessions that the test chooses
// with signInAs() instead of a browser cookie. Everything else is real.
const postgres = testEngine() === "postgres";
const name = `test_${randomUUID().replaceAll("-", "")}`;
const file = path.join(TMP_DIR, `${name}.db`);

if (postgres) {
  await createPostgresTestDatabase(name);
  process.env.DATABASE_URL = postgresTestUrl(name);
} else {
  // The file alone is a whole copy, in WAL mode: global-setup.ts checkpointed the template's log into it.
  copyFileSync(TEMPLATE_DATABASE, file);
  process.env.DATABASE_URL = `file:${file}`;
}
delete (globalThis as { leadgateDb?: unknown }).leadgateDb;
delete (globalThis as { leadgateSqlite?: unknown }).leadgateSqlite;
delete (globalThis as { leadgatePostgres?: unknown }).leadgatePostgres;

vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth")>();
  return {
    ...original,
    getServerSession: async () => {
      const signedIn = signedInSession();
      return signedIn ? { user: signedIn, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
    },
  };
});

afterAll(async () => {
  const { db } = await import("@/lib/server/store/db");
  const { closeStore } = await import("@/lib/server/store/database");
  const { stopJobQueue } = await import("@/lib/server/jobs/job-queue-store");
  await stopJobQueue();
  await db.$disconnect();
  await closeStore();
  if (postgres) await dropPostgresTestDatabase(name);
  else for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});
