import "server-only";
import type pg from "pg";
import type { Orm } from "./orm";
import { ormOnConnection, ormOnPool } from "./postgres-orm";

/*
 * PostgreSQL's side of transaction.ts: a transaction holds one connection of the pool from
 * BEGIN to COMMIT; reads outside one go to any free connection. Several transactions run at
 * once (across instances too), so a write that must not race says how, in its SQL: a
 * conditional UPDATE (a stage move at the version its mover saw), ON CONFLICT, or a row lock.
 */

/** A write transaction in progress on one connection of the pool. */
export class PostgresTx {
  readonly engine = "postgres";
  readonly kind = "tx";
  /** @internal For store modules only. */
  constructor(
    readonly pool: pg.Pool,
    readonly connection: pg.PoolClient,
  ) {}

  /** @internal For store modules only: the ORM inside the same transaction. */
  get orm(): Orm {
    return ormOnConnection(this.pool, this.connection);
  }
}

/** Reads outside any transaction, each on a free connection of the pool. */
export class PostgresReads {
  readonly engine = "postgres";
  readonly kind = "reads";
  /** @internal For store modules only. */
  constructor(readonly pool: pg.Pool) {}

  /** @internal For store modules only. */
  get connection(): pg.Pool {
    return this.pool;
  }

  /** @internal For store modules only: the ORM on the pool. */
  get orm(): Orm {
    return ormOnPool(this.pool);
  }
}

/** Runs `work` in one transaction on a connection of `pool`: all of it is stored or, if it throws, none. */
export async function runPostgresTransaction<T>(pool: pg.Pool, work: (tx: PostgresTx) => Promise<T>): Promise<T> {
  const connection = await pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    try {
      const result = await work(new PostgresTx(pool, connection));
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      await connection.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    // A connection whose rollback failed is closed rather than handed to the next request.
    connection.release(broken);
  }
}

let savepoints = 0;

/** Runs `work` as a savepoint inside `tx`: if it throws, what it wrote is undone and the transaction goes on. */
export async function postgresSavepoint<T>(tx: PostgresTx, work: () => Promise<T>): Promise<T> {
  const name = `part_${++savepoints}`;
  await tx.connection.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await tx.connection.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.connection.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.connection.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/**
 * Whether `q` is a PostgreSQL transaction. By its fields, not `instanceof`: the server's bundles
 * may each hold a copy of this module, and a value made by one (the pool, cached on globalThis)
 * reaches the others.
 */
export function isPostgresTx(q: { engine: string; kind: string }): q is PostgresTx {
  return q.engine === "postgres" && q.kind === "tx";
}

/** The pool or connection a PostgreSQL store call runs on; a call on another engine's store is a bug. */
export function postgresConnection(q: { engine: string }): pg.Pool | pg.PoolClient {
  if (q.engine === "postgres") return (q as PostgresTx | PostgresReads).connection;
  throw new Error(`A PostgreSQL store was called on ${q.engine}.`);
}
