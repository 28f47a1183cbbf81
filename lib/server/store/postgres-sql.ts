import "server-only";
import type pg from "pg";
import { postgresConnection } from "./postgres-transaction";

/*
 * The stores' own SQL on PostgreSQL. A named statement is prepared once per connection and
 * reused (the hot paths name theirs); values come back as the SQLite stores return them:
 * numbers for counts, milliseconds for times (postgres-database.ts).
 * Times go in as milliseconds too, through `msToTimestamp`.
 */

/** SQL for a parameter holding milliseconds since 1970, as a timestamp (the connection works in UTC). */
export const msToTimestamp = (parameter: string) => `to_timestamp((${parameter})::float8 / 1000)`;

type Query = { name?: string; text: string; values?: unknown[] };

export async function postgresRows<T>(q: { engine: string }, query: Query): Promise<T[]> {
  const result = await postgresConnection(q).query<T & pg.QueryResultRow>(query);
  return result.rows;
}

export async function postgresRow<T>(q: { engine: string }, query: Query): Promise<T | undefined> {
  return (await postgresRows<T>(q, query))[0];
}

/** Runs a write; the number of rows it changed. */
export async function postgresRun(q: { engine: string }, query: Query): Promise<number> {
  return (await postgresConnection(q).query(query)).rowCount ?? 0;
}

/** The rows as one array per field, in `fields` order: the parameters of an `unnest($1::…[], …)` batch statement. */
export function fieldArrays<Row, Field extends keyof Row>(rows: readonly Row[], fields: readonly Field[]): unknown[][] {
  return fields.map((field) => rows.map((row) => row[field]));
}
