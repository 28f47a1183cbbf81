import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { createDb } from "@/lib/server/store/db";

const FULL = 2;
const NORMAL = 1;

// The app runs its database in WAL mode (scripts/setup-database.ts), where SQLite's own default is NORMAL.
const folder = mkdtempSync(path.join(tmpdir(), "leadgate-durability-"));
const file = path.join(folder, "wal.db");
new Database(file).pragma("journal_mode = WAL");

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function synchronousOfNewClient(): Promise<number> {
  const client = createDb(file);
  try {
    const [row] = await client.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous");
    return Number(row.synchronous);
  } finally {
    await client.$disconnect();
  }
}

describe("SQLite durability", () => {
  test("writes through Prisma sync every commit by default, so acknowledged writes survive a power cut", async () => {
    expect(await synchronousOfNewClient()).toBe(FULL);
  });

  test("LEADGATE_SQLITE_SYNC=normal trades that for speed, on request", async () => {
    vi.stubEnv("LEADGATE_SQLITE_SYNC", "normal");
    expect(await synchronousOfNewClient()).toBe(NORMAL);
  });
});
