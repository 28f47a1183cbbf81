import "server-only";
import { postgresSavepoint } from "./postgres-transaction";
import type { PostgresReads, PostgresTx } from "./postgres-transaction";
import { sqliteSavepoint } from "./sqlite-transaction";
import type { SqliteReads, SqliteTx } from "./sqlite-transaction";

/*
 * Transactions are values: `transaction(work)` (database.ts) hands `work` a Tx, and every store
 * call that writes takes one, so what belongs together visibly commits together and nothing
 * joins a transaction by accident. Reads outside a transaction take a Reads value instead: they
 * never see another request's uncommitted writes. Each engine has its own kind of both
 * (sqlite-transaction.ts, postgres-transaction.ts); a store's implementation for an engine
 * takes that engine's.
 */

/** A write transaction in progress. */
export type Tx = SqliteTx | PostgresTx;

/** Reads outside any transaction. */
export type Reads = SqliteReads | PostgresReads;

/** What a read-only store call accepts: inside a transaction it reads what the transaction wrote. */
export type Queryable = Tx | Reads;

/** Runs `work` as a savepoint inside `tx`: if it throws, what it wrote is undone and the transaction goes on. */
export function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  return tx.engine === "sqlite" ? sqliteSavepoint(tx, work) : postgresSavepoint(tx, work);
}
