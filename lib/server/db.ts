import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteUrl } from "@/lib/database-url";
import { databaseUrl, sqliteSynchronous } from "@/lib/env";
import { PrismaClient } from "./generated/prisma/client";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(file: string = sqliteUrl(databaseUrl())): PrismaClient {
  const factory = new PrismaBetterSQLite3({ url: file }, { timestampFormat: "unixepoch-ms" });
  // The adapter opens its connection with SQLite's WAL default (NORMAL); writes through Prisma
  // get the same durability as the store's (lib/env.ts sqliteSynchronous).
  const adapter: AdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(`PRAGMA synchronous = ${sqliteSynchronous()}`);
      return connection;
    },
  };
  return new PrismaClient({ adapter });
}

// One client per process: Next's dev server re-evaluates modules, so it lives on globalThis.
const globalForDb = globalThis as unknown as { leadgateDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.leadgateDb ??= createDb());
