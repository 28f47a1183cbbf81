import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteUrl } from "./lib/database-url";

// Prisma's CLI replays migrations into the shadow database through executeRaw, which
// better-sqlite3 runs one statement at a time; multi-statement migrations need executeScript.
function withScriptReplay(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) =>
      query.args.length === 0 ? (await shadow.executeScript(query.sql), 0) : executeRaw(query);
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () =>
    withScriptReplay(
      new PrismaBetterSQLite3(
        { url: sqliteUrl(process.env.DATABASE_URL) },
        { shadowDatabaseUrl: ":memory:", timestampFormat: "unixepoch-ms" },
      ),
    ),
});
