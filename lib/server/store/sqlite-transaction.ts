import "server-only";
import type Database from "better-sqlite3";
import type { Orm } from "./orm";
import { ormOn } from "./sqlite-orm";
import { beginBackgroundWrite, beginForegroundWriteSoon, isBackgroundThread } from "./write-turns";

/*
 * SQLite's side of transaction.ts: a transaction on this thread's writer connection, reads on a
 * connection of their own.
 */

/** A write transaction in progress on this thread's writer connection. */
export class SqliteTx {
  readonly engine = "sqlite";
  readonly kind = "tx";
  /** @internal For store modules only: the connection the transaction runs on. */
  constructor(readonly connection: Database.Database) {}

  /** @internal For store modules only: the ORM on the same connection, inside the same transaction. */
  get orm(): Orm {
    return ormOn(this.connection);
  }
}

/** Reads outside any transaction, on the reader connection. */
export class SqliteReads {
  readonly engine = "sqlite";
  readonly kind = "reads";
  /** @internal For store modules only. */
  constructor(readonly connection: Database.Database) {}

  /** @internal For store modules only: the ORM on the reader connection. */
  get orm(): Orm {
    return ormOn(this.connection);
  }
}

type Lock = { tail: Promise<void> };
const globalForLock = globalThis as unknown as { leadgateWriteLock?: Lock };
const lock: Lock = (globalForLock.leadgateWriteLock ??= { tail: Promise.resolve() });
// A wait this long means a transaction waits for one opened by its own caller (a deadlock), not for work.
const WRITER_MAX_WAIT_MS = 30_000;

/**
 * Waits for this thread's turn to write: one write transaction at a time per thread, in the
 * order they asked, whichever connection it runs on (the store's or the ORM's, db.ts). SQLite
 * has one writer per file anyway, and its wait for a lock held elsewhere blocks the thread: a
 * transaction that waits for the ORM's, open on the same thread across an await, would wait
 * for good. The wait here is for the statements of the transaction before, which run without
 * any I/O wait in between.
 */
export async function acquireWriter(): Promise<() => void> {
  const previous = lock.tail;
  let release!: () => void;
  lock.tail = new Promise((resolve) => (release = resolve));
  let timer: NodeJS.Timeout | undefined;
  const waitedTooLong = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), WRITER_MAX_WAIT_MS);
    timer.unref();
  });
  const timedOut = await Promise.race([previous.then(() => false), waitedTooLong]);
  clearTimeout(timer);
  if (timedOut) {
    // Our place in the queue passes on once the writer ahead of us is done.
    void previous.then(release);
    throw new Error(`Waited ${WRITER_MAX_WAIT_MS / 1000} s for this thread's turn to write: a write transaction is waiting on itself.`);
  }
  return release;
}

/**
 * Runs `work` in one write transaction (BEGIN IMMEDIATE) on `connection`: all of it is stored or,
 * if it throws, none. It takes its turn with the process's other threads (write-turns.ts).
 * `work` must not wait on anything but the store (no network, no timers): other writers wait
 * for it.
 */
export async function runSqliteTransaction<T>(connection: Database.Database, work: (tx: SqliteTx) => Promise<T>): Promise<T> {
  const release = await acquireWriter();
  const endTurn = isBackgroundThread() ? beginBackgroundWrite() : await beginForegroundWriteSoon();
  const { begin, commit, rollback } = control(connection);
  try {
    begin.run();
    try {
      const result = await work(new SqliteTx(connection));
      commit.run();
      return result;
    } catch (error) {
      if (connection.inTransaction) rollback.run();
      throw error;
    }
  } finally {
    endTurn();
    release();
  }
}

const control = onceForEach((connection) => ({
  begin: connection.prepare("BEGIN IMMEDIATE"),
  commit: connection.prepare("COMMIT"),
  rollback: connection.prepare("ROLLBACK"),
}));

let savepoints = 0;

/** Runs `work` as a savepoint inside `tx`: if it throws, what it wrote is undone and the transaction goes on. */
export async function sqliteSavepoint<T>(tx: SqliteTx, work: () => Promise<T>): Promise<T> {
  const name = `part_${++savepoints}`;
  tx.connection.prepare(`SAVEPOINT ${name}`).run();
  try {
    const result = await work();
    tx.connection.prepare(`RELEASE ${name}`).run();
    return result;
  } catch (error) {
    tx.connection.prepare(`ROLLBACK TO ${name}`).run();
    tx.connection.prepare(`RELEASE ${name}`).run();
    throw error;
  }
}

/**
 * The SQLite connection a store call runs on; a call on another engine's store is a bug. Known by
 * its fields, not `instanceof` (postgres-transaction.ts says why).
 */
export function sqliteConnection(q: { engine: string }): Database.Database {
  if (q.engine === "sqlite") return (q as SqliteTx | SqliteReads).connection;
  throw new Error(`A SQLite store was called on ${q.engine}: the store's PostgreSQL implementation is missing.`);
}

function onceForEach<S>(prepare: (connection: Database.Database) => S): (connection: Database.Database) => S {
  const prepared = new WeakMap<Database.Database, S>();
  return (connection) => {
    let statements = prepared.get(connection);
    if (!statements) {
      statements = prepare(connection);
      prepared.set(connection, statements);
    }
    return statements;
  };
}

/** A store module's statements, prepared once for each connection they run on. */
export function preparedPerConnection<S>(prepare: (connection: Database.Database) => S): (q: { engine: string }) => S {
  const statementsOn = onceForEach(prepare);
  return (q) => statementsOn(sqliteConnection(q));
}
