import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/leadgate.db";

/** The two databases Leadgate runs on: SQLite, embedded (the default), or a PostgreSQL server. */
export type DatabaseEngine = "sqlite" | "postgres";

const POSTGRES_URL = /^postgres(ql)?:\/\//;

function orDefault(databaseUrl: string | undefined): string {
  return databaseUrl && databaseUrl.trim() !== "" ? databaseUrl.trim() : DEFAULT_DATABASE_URL;
}

/** Which engine a DATABASE_URL names: `file:…` is SQLite, `postgres://…` or `postgresql://…` PostgreSQL. */
export function databaseEngine(databaseUrl: string | undefined): DatabaseEngine {
  const url = orDefault(databaseUrl);
  if (url.startsWith("file:")) return "sqlite";
  if (POSTGRES_URL.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgres://" URL, got "${url.replace(/\/\/[^@/]*@/, "//…@")}"`);
}

/** Resolves a `file:` SQLite URL to an absolute file path, relative to the working directory. */
export function sqliteUrl(databaseUrl: string | undefined): string {
  const url = orDefault(databaseUrl);
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL here, got "${url.replace(/\/\/[^@/]*@/, "//…@")}"`);
  }
  const filePath = url.slice("file:".length);
  return path.isAbsolute(filePath) ? filePath : path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath);
}

/** A PostgreSQL URL as given, checked. */
export function postgresUrl(databaseUrl: string | undefined): string {
  const url = orDefault(databaseUrl);
  if (!POSTGRES_URL.test(url)) throw new Error(`DATABASE_URL must be a "postgres://" URL here, got "${url}"`);
  return url;
}
