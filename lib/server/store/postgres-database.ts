import "server-only";
import pg from "pg";
import { postgresUrl } from "@/lib/database-url";
import { databaseUrl, postgresPool } from "@/lib/env";
import { PostgresReads } from "./postgres-transaction";

/*
 * One pool of connections per instance, sized by LEADGATE_PG_POOL_SIZE. Every connection works
 * in UTC (the ORM stores timestamps without a zone, as UTC) and stops a statement that runs past
 * LEADGATE_PG_STATEMENT_TIMEOUT_MS.
 */

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * How the stores' own SQL reads values, to match what SQLite returns: counts and sums as numbers
 * (they fit), times as milliseconds since 1970. The ORM reads with its own parsers.
 */
const storeTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === TIMESTAMP) return (value: string) => Date.parse(`${value.replace(" ", "T")}Z`);
    if (oid === TIMESTAMPTZ) return (value: string) => Date.parse(value.replace(" ", "T"));
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** What every connection to PostgreSQL is told as it opens (the stores' pool and the ORM's stand-alone client). */
export function postgresConnectionOptions(): string {
  return `-c TimeZone=UTC -c statement_timeout=${postgresPool().statementTimeoutMs}`;
}

type PostgresStore = { url: string; pool: pg.Pool; reads: PostgresReads };
const globalForPostgres = globalThis as unknown as { leadgatePostgres?: PostgresStore };

export function postgresStore(): PostgresStore {
  const url = postgresUrl(databaseUrl());
  const cached = globalForPostgres.leadgatePostgres;
  if (cached && cached.url === url) return cached;
  const pool = new pg.Pool({
    connectionString: url,
    max: postgresPool().size,
    types: storeTypes,
    options: postgresConnectionOptions(),
    application_name: "leadgate",
  });
  // An idle connection the server dropped is logged and replaced, not a crash.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  void cached?.pool.end();
  globalForPostgres.leadgatePostgres = { url, pool, reads: new PostgresReads(pool) };
  return globalForPostgres.leadgatePostgres;
}

/** Closes the pool (tests and scripts). */
export async function closePostgresStore(): Promise<void> {
  const cached = globalForPostgres.leadgatePostgres;
  globalForPostgres.leadgatePostgres = undefined;
  await cached?.pool.end();
}
