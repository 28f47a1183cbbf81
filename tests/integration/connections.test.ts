import { expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { reads, sqliteReadConnection, transaction, writeConnection } from "@/lib/server/store/database";
import { postgresRow } from "@/lib/server/store/postgres-sql";
import type { Queryable } from "@/lib/server/store/transaction";
import { testEngine } from "../support/test-engine";

// Every connection the app opens is set up in one place: on SQLite lib/server/store/connection.ts
// (the ORM's, the store's writer and the dashboard's reader answer the same settings), on
// PostgreSQL lib/server/store/postgres-database.ts (the stores' pool and the ORM's client).

async function ormSettings(names: readonly string[], statement: (name: string) => string): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const [row] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(statement(name));
      const value = Object.values(row)[0];
      return [name, typeof value === "bigint" ? Number(value) : value] as const;
    }),
  );
  return Object.fromEntries(entries);
}

test("the ORM's connection, the store's writer and the reader share one set-up", async () => {
  if (testEngine() === "postgres") {
    const names = ["TimeZone", "statement_timeout"] as const;
    const expected = { TimeZone: "UTC", statement_timeout: "30s" };
    const storeSettings = async (q: Queryable) =>
      Object.fromEntries(await Promise.all(names.map(async (name) => [name, Object.values((await postgresRow<Record<string, string>>(q, { text: `SHOW ${name}` }))!)[0]])));
    expect(await ormSettings(names, (name) => `SHOW ${name}`)).toEqual(expected);
    expect(await storeSettings(reads())).toEqual(expected);
    expect(await transaction((tx) => storeSettings(tx))).toEqual(expected);
    return;
  }
  const names = ["journal_mode", "busy_timeout", "foreign_keys", "synchronous", "mmap_size"] as const;
  const FULL = 2;
  const expected = { journal_mode: "wal", busy_timeout: 5_000, foreign_keys: 1, synchronous: FULL, mmap_size: 0 };
  const driverSettings = (connection: ReturnType<typeof writeConnection>) => Object.fromEntries(names.map((name) => [name, connection.pragma(name, { simple: true })]));
  expect(await ormSettings(names, (name) => `PRAGMA ${name}`)).toEqual(expected);
  expect(driverSettings(writeConnection())).toEqual(expected);
  expect(driverSettings(sqliteReadConnection())).toEqual(expected);
});
