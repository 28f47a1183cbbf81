import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/prisma/client";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(file: string = sqliteUrl(databaseUrl())): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: file }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

// One client per process: Next's dev server re-evaluates modules, so it lives on globalThis.
const globalForDb = globalThis as unknown as { leadgateDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.leadgateDb ??= createDb());
