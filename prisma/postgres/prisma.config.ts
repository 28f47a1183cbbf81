import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

/*
 * Prisma's CLI on PostgreSQL (npx prisma … --config prisma/postgres/prisma.config.ts), for
 * DATABASE_URL=postgres://… The adapter needs two fixes on Prisma 6.19:
 * - the catalog's `name` and `char` columns (oids 19 and 18) must be read as text, or
 *   introspection fails (prisma/prisma#27403);
 * - the shadow database `migrate dev` and `migrate diff` replay migrations into is a database
 *   of its own, opened on its own URL and dropped once its pool has closed.
 */

const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function catalogAsText(answer: pg.QueryResult): pg.QueryResult {
  for (const field of answer.fields ?? []) if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return answer;
}

/** A connection whose results report the catalog's `name` and `char` columns as text. */
class CatalogAsTextClient extends pg.Client {}
const query = pg.Client.prototype.query;
CatalogAsTextClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const last = args.length - 1;
  const callback = args[last];
  // pg.Pool's own query() calls its client with a callback; a client used directly answers with a promise.
  if (typeof callback === "function") args[last] = (error: Error | null, answer: pg.QueryResult) => callback(error, answer && catalogAsText(answer));
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  return result instanceof Promise ? result.then(catalogAsText) : result;
} as typeof query;

function url(): string {
  const value = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error(`DATABASE_URL must be a postgres:// URL for this config, got "${value}"`);
  return value;
}

function withOwnShadowDatabase(factory: PrismaPg): PrismaPg {
  factory.connectToShadowDb = async () => {
    const admin = new pg.Pool({ connectionString: url(), max: 1 });
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url());
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString(), Client: CatalogAsTextClient, allowExitOnIdle: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => withOwnShadowDatabase(new PrismaPg({ connectionString: url(), Client: CatalogAsTextClient, allowExitOnIdle: true })),
});
