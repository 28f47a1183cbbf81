import { expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { sqliteReadConnection, writeConnection } from "@/lib/server/store/database";

// Every connection the app opens is set up in one place (lib/server/store/connection.ts): the
// ORM's, the store's writer and the dashboard's reader answer the same settings.

const SETTINGS = ["journal_mode", "busy_timeout", "foreign_keys", "synchronous", "mmap_size"] as const;
const FULL = 2;

async function ormSettings(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    SETTINGS.map(async (name) => {
      const [row] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`);
      const value = Object.values(row)[0];
      return [name, typeof value === "bigint" ? Number(value) : value] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const driverSettings = (connection: ReturnType<typeof writeConnection>) => Object.fromEntries(SETTINGS.map((name) => [name, connection.pragma(name, { simple: true })]));

test("the ORM's connection, the store's writer and the reader share one set-up", async () => {
  const expected = { journal_mode: "wal", busy_timeout: 5_000, foreign_keys: 1, synchronous: FULL, mmap_size: 0 };
  expect(await ormSettings()).toEqual(expected);
  expect(driverSettings(writeConnection())).toEqual(expected);
  expect(driverSettings(sqliteReadConnection())).toEqual(expected);
});
