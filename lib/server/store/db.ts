import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseEngine, postgresUrl, sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { connectionPragmas } from "./connection";
import { postgresConnectionOptions } from "./postgres-database";
import { acquireWriter } from "./sqlite-transaction";
import { beginForegroundWriteSoon } from "./write-turns";

/*
 * A stand-alone ORM client on a connection of its own, for scripts (seed, data generator,
 * benchmarks) and tests that set up data. The app itself reaches the database only through its
 * stores, on the connections of database.ts.
 */

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

/**
 * A client on DATABASE_URL's database, or on `file` (a SQLite file). On PostgreSQL it is that
 * engine's generated client, typed as the SQLite one: both have the same models (orm.ts).
 */
export function createDb(file?: string): PrismaClient {
  const url = databaseUrl();
  if (file === undefined && databaseEngine(url) === "postgres") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: postgresUrl(url), options: postgresConnectionOptions() }) }) as unknown as PrismaClient;
  }
  return createSqliteDb(file ?? sqliteUrl(url));
}

function createSqliteDb(file: string): PrismaClient {
  const factory = new PrismaBetterSQLite3({ url: file }, { timestampFormat: "unixepoch-ms" });
  // The adapter opens its own connection; it gets the same settings as every other (sql/connection.ts).
  const adapter: AdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(connectionPragmas("orm").map((pragma) => `PRAGMA ${pragma};`).join("\n"));
      return takingWriteTurns(connection);
    },
  };
  return new PrismaClient({ adapter });
}

type Connection = Awaited<ReturnType<AdapterFactory["connect"]>>;
type Query = Parameters<Connection["queryRaw"]>[0];

const READ_ONLY_SQL = /^\s*(SELECT|WITH|PRAGMA|EXPLAIN)\b/i;

/** Marks the start of a write on this thread's turn, and returns what marks its end. */
async function beginWrite(): Promise<() => void> {
  const release = await acquireWriter();
  const end = await beginForegroundWriteSoon();
  return () => {
    end();
    release();
  };
}

async function inWriteTurn<T>(work: () => Promise<T>): Promise<T> {
  const end = await beginWrite();
  try {
    return await work();
  } finally {
    end();
  }
}

/**
 * Writes through the ORM take their turn with the store's transactions on this thread
 * (sql/transaction.ts) and with background threads' writes (sql/write-turns.ts): statements
 * that write, and transactions from BEGIN to COMMIT or ROLLBACK, so a background slice never
 * commits between a transaction's read and its write.
 */
function takingWriteTurns(connection: Connection): Connection {
  const writes = (query: Query) => !READ_ONLY_SQL.test(query.sql);
  return Object.assign(Object.create(connection) as Connection, {
    queryRaw: (query: Query) => (writes(query) ? inWriteTurn(() => connection.queryRaw(query)) : connection.queryRaw(query)),
    executeRaw: (query: Query) => (writes(query) ? inWriteTurn(() => connection.executeRaw(query)) : connection.executeRaw(query)),
    startTransaction: async (...args: Parameters<Connection["startTransaction"]>) => {
      const end = await beginWrite();
      try {
        const transaction = await connection.startTransaction(...args);
        return Object.assign(Object.create(transaction) as typeof transaction, {
          commit: () => transaction.commit().finally(end),
          rollback: () => transaction.rollback().finally(end),
        });
      } catch (error) {
        end();
        throw error;
      }
    },
  });
}

// One client per process, on globalThis like the store's connections.
const globalForDb = globalThis as unknown as { leadgateDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.leadgateDb ??= createDb());
