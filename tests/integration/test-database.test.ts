import { expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { ruleSetStore } from "@/lib/server/scoring/rule-set-store";
import { reads, sqliteReadConnection, writeConnection } from "@/lib/server/store/database";
import { POSTGRES_TEMPLATE, testEngine } from "../support/test-engine";

// Each test file's database (tests/support/fresh-database.ts, made from the template
// global-setup.ts migrates) runs as production's does: on SQLite, a copy of the template file
// in WAL mode, so the tests see production's locking and checkpoints, not the rollback
// journal's; on PostgreSQL, a database of its own created from the template database.

test("a test file's database is its own, set up as production's is", async () => {
  if (testEngine() === "postgres") {
    const [{ name }] = await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT current_database()::text AS name");
    expect(name).toMatch(/^test_[0-9a-f]{32}$/);
    expect(name).not.toBe(POSTGRES_TEMPLATE);
    const [{ migrations }] = await db.$queryRawUnsafe<Array<{ migrations: bigint }>>(`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(Number(migrations)).toBeGreaterThanOrEqual(2);
    return;
  }
  const [prisma] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
  expect(prisma.journal_mode).toBe("wal");
  expect(writeConnection().pragma("journal_mode", { simple: true })).toBe("wal");
  expect(sqliteReadConnection().pragma("journal_mode", { simple: true })).toBe("wal");
});

test("the copy holds every write made to the template, none left behind in its log", async () => {
  expect(await ruleSetStore.active(reads())).toMatchObject({ version: 1 });
});
