import { expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { ruleSetStore } from "@/lib/server/scoring/rule-set-store";
import { reads, sqliteReadConnection, writeConnection } from "@/lib/server/store/database";

// Each test file's database (tests/support/fresh-database.ts, a copy of the template
// global-setup.ts migrates) runs as production's does, so the tests see production's locking
// and checkpoints, not the rollback journal's.

test("a test file's database is in WAL mode on every connection, as production's is", async () => {
  const [prisma] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
  expect(prisma.journal_mode).toBe("wal");
  expect(writeConnection().pragma("journal_mode", { simple: true })).toBe("wal");
  expect(sqliteReadConnection().pragma("journal_mode", { simple: true })).toBe("wal");
});

test("the copy holds every write made to the template, none left behind in its log", async () => {
  expect(await ruleSetStore.active(reads())).toMatchObject({ version: 1 });
});
