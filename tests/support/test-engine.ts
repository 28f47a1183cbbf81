import pg from "pg";
import type { DatabaseEngine } from "../../lib/database-url";

/**
 * The engine a test project runs on: the `integration` project on SQLite, `integration-postgres`
 * on a throwaway PostgreSQL cluster (scripts/postgres-cluster.sh), with the same test files.
 */
export function testEngine(): DatabaseEngine {
  return process.env.LEADGATE_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
}

/** The template every PostgreSQL test database is created from (global-setup.ts). */
export const POSTGRES_TEMPLATE = "leadgate_test_template";

/** A database's URL on the test cluster. */
export function postgresTestUrl(database: string): string {
  const admin = process.env.LEADGATE_TEST_POSTGRES_URL;
  if (!admin) throw new Error("LEADGATE_TEST_POSTGRES_URL is not set: the PostgreSQL global set-up did not run.");
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onCluster(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresTestUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database of its own on the test cluster, migrated: a copy of the template. */
export function createPostgresTestDatabase(name: string): Promise<void> {
  return onCluster(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`);
}

export function dropPostgresTestDatabase(name: string): Promise<void> {
  return onCluster(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
