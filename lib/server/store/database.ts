import "server-only";
import type Database from "better-sqlite3";
import type { DatabaseEngine } from "@/lib/database-url";
import { databaseEngine, sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { openConnection } from "./connection";
import { closePostgresStore, postgresStore } from "./postgres-database";
import { runPostgresTransaction } from "./postgres-transaction";
import { runSqliteTransaction, SqliteReads } from "./sqlite-transaction";
import type { Reads, Tx } from "./transaction";
import { startWalCheckpointer } from "./wal-checkpointer";
import { isBackgroundThread } from "./write-turns";

/*
 * The database as the stores see it: `transaction(work)` runs a write transaction, `reads()`
 * reads what is committed, and every store call takes one or the other (transaction.ts).
 * DATABASE_URL chooses the engine. On SQLite, this thread's writer connection runs one write
 * transaction at a time and a reader connection reads beside it; on PostgreSQL, a pool
 * (postgres-database.ts) serves both.
 */

/** The engine DATABASE_URL names. */
export function engine(): DatabaseEngine {
  return databaseEngine(databaseUrl());
}


const WAL_CHECKPOINT_INTERVAL_MS = 200;
// The log only starts over once a checkpoint has copied every frame in it (wal-checkpointer.ts).
// The log then holds at most about three seconds of writes.
const WAL_FINISH_INTERVAL_MS = 3_000;

type Store = {
  connection: Database.Database;
  file: string;
  reader?: SqliteReads;
  checkpointer: { stop(): void };
};

const globalForStore = globalThis as unknown as { leadgateSqlite?: Store };


function store(): Store {
  const file = sqliteUrl(databaseUrl());
  const cached = globalForStore.leadgateSqlite;
  if (cached && cached.file === file) return cached;
  const connection = openConnection(file, isBackgroundThread() ? "background" : "requests");
  // Copying the write-ahead log back into the database (a checkpoint) after every large commit
  // put that copy inside the request; five times a second, on a thread of its own, it copies
  // each hot page once however often it changed in between, and every three seconds it finishes
  // the copy (WAL_FINISH_INTERVAL_MS): each finish holds the writers for a moment (10–60 ms under
  // a steady stream of single events), and once a second that set every request's p99. A
  // background thread (lib/server/jobs/thread.ts) leaves that to the checkpointer of the process
  // that started it.
  connection.pragma("wal_autocheckpoint = 0");
  cached?.checkpointer.stop();
  const checkpointer = isBackgroundThread() ? { stop() {} } : startWalCheckpointer(file, { copyEveryMs: WAL_CHECKPOINT_INTERVAL_MS, finishEveryMs: WAL_FINISH_INTERVAL_MS });
  globalForStore.leadgateSqlite = { connection, file, checkpointer };
  return globalForStore.leadgateSqlite;
}

/**
 * Reads outside a transaction, on a second connection: it reads a snapshot of its own while the
 * writer goes on (so never another request's uncommitted writes), and its data_version tells the
 * dashboard's cache whether anything changed. It never writes, so it never holds up the writers.
 */
export function reads(): Reads {
  return engine() === "postgres" ? postgresStore().reads : sqliteReads();
}

function sqliteReads(): SqliteReads {
  const current = store();
  current.reader ??= new SqliteReads(openConnection(current.file, "reader"));
  return current.reader;
}

/** The reader connection itself, for a store whose cache keys on what this connection has seen (metrics-store.ts). */
export function sqliteReadConnection(): Database.Database {
  return sqliteReads().connection;
}

/**
 * Runs `work` as one write transaction (transaction.ts): all of it is stored, or none.
 * `retryDeadlocks`: on PostgreSQL, where transactions run side by side, two that lock the same
 * rows in a different order (two event batches naming the same leads) are a deadlock, and the
 * server ends one of them; with this option it runs again, up to twice. Only for work whose
 * every effect is in the transaction (it starts from nothing each time).
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options: { retryDeadlocks?: boolean } = {}): Promise<T> {
  if (engine() === "sqlite") return runSqliteTransaction(store().connection, work);
  const attempts = options.retryDeadlocks ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runPostgresTransaction(postgresStore().pool, work);
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}

// PostgreSQL's code, or the ORM's when the deadlock hit one of its statements.
const DEADLOCK_CODES = new Set(["40P01", "P2034"]);
const isDeadlock = (error: unknown) => DEADLOCK_CODES.has((error as { code?: string } | null)?.code ?? "");

/** This thread's writer connection (tests and scripts that check its settings or checkpoint it). */
export function writeConnection(): Database.Database {
  return store().connection;
}

/** Closes the connections (tests and scripts, so the database can be removed). */
export async function closeStore(): Promise<void> {
  await closePostgresStore();
  globalForStore.leadgateSqlite?.checkpointer.stop();
  globalForStore.leadgateSqlite?.reader?.connection.close();
  globalForStore.leadgateSqlite?.connection.close();
  globalForStore.leadgateSqlite = undefined;
}
