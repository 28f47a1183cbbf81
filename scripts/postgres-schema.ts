// The PostgreSQL schema is written from the SQLite one (prisma/schema.prisma), which stays the
// one model description: only the datasource and the generated client's folder differ.
//   npm run db:postgres-schema             writes prisma/postgres/schema.prisma
//   npm run db:postgres-schema -- --check  fails if the written file differs (npm test runs it)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(root, "prisma", "schema.prisma");
const TARGET = path.join(root, "prisma", "postgres", "schema.prisma");

export function postgresSchema(sqliteSchema: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer has ${from}: update scripts/postgres-schema.ts`);
    return text.replace(from, to);
  };
  let schema = replace(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  // The adapter (prisma/postgres/prisma.config.ts, lib/server/store/) connects to DATABASE_URL.
  schema = replace(schema, /url {6}= "file:\.\/dev\.db"/, 'url      = "postgresql://localhost/leadgate"');
  schema = replace(schema, /output {5}= "\.\.\/lib\/server\/generated\/prisma"/, 'output     = "../../lib/server/generated/prisma-postgres"');
  // PostgreSQL only: a search (searchText LIKE '%…%') reads a trigram index instead of every lead;
  // SQLite has no such index type. The migration that adds it creates the pg_trgm extension.
  schema = replace(
    schema,
    /( +)@@index\(\[stage, ownerId, totalScore, id, searchText\]\)\n/,
    '$&$1@@index([searchText(ops: raw("gin_trgm_ops"))], type: Gin)\n',
  );
  return `// Written by scripts/postgres-schema.ts from prisma/schema.prisma: edit that file, then run\n// npm run db:postgres-schema. npm test fails if this copy is out of date.\n\n${schema}`;
}

function main() {
  const expected = postgresSchema(readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(TARGET, "utf8");
    } catch {}
    if (current !== expected) {
      console.error("prisma/postgres/schema.prisma is out of date with prisma/schema.prisma: run npm run db:postgres-schema and add a PostgreSQL migration.");
      process.exit(1);
    }
    return;
  }
  writeFileSync(TARGET, expected);
  console.log(`Wrote ${path.relative(root, TARGET)}`);
}

// Run as a script, not when a test imports postgresSchema.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
