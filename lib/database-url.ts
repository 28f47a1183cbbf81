import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/leadgate.db";

/** Resolves a `file:` SQLite URL to an absolute file path, relative to the working directory. */
export function sqliteUrl(databaseUrl: string | undefined): string {
  const url = databaseUrl && databaseUrl.trim() !== "" ? databaseUrl : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  }
  const filePath = url.slice("file:".length);
  return path.isAbsolute(filePath) ? filePath : path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath);
}
