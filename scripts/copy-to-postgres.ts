// Copies a Leadgate SQLite database into an empty, migrated PostgreSQL database: the benchmarks
// run both engines on the same data (npm run bench:ingest -- --db postgres).
// Usage: tsx scripts/copy-to-postgres.ts <file.db> <postgres://…>
import Database from "better-sqlite3";
import pg from "pg";

// Parents before children, so every foreign key finds its row.
const TABLES = [
  "User",
  "RuleSet",
  "ScoringModel",
  "Setting",
  "DisqualificationReason",
  "RejectReason",
  "ApiKey",
  "SavedView",
  "Lead",
  "Event",
  "StageTransition",
  "Note",
  "LeadAssignment",
  "BackgroundJob",
  "ImportRowError",
  "ImportedLead",
  "SignInThrottle",
];
const CHUNK = 5_000;

type Column = { name: string; type: string };

async function columnsOf(target: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await target.query<{ name: string; type: string }>(
    `SELECT column_name AS name, format_type(atttypid, atttypmod) AS type
       FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = format('%I', c.table_name)::regclass AND a.attname = c.column_name
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

// SQLite keeps times as milliseconds and booleans as 0/1; PostgreSQL has types for both.
function converted(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  // Written by Leadgate: milliseconds; by a migration's SQL default: "YYYY-MM-DD HH:MM:SS" in UTC.
  if (type.startsWith("timestamp")) return new Date(typeof value === "number" || /^\d+$/.test(String(value)) ? Number(value) : `${String(value).replace(" ", "T")}Z`).toISOString();
  if (type === "boolean") return value === 1 || value === true;
  if (type === "bigint") return String(value);
  return value;
}

export async function copyToPostgres(file: string, url: string): Promise<Record<string, number>> {
  const source = new Database(file, { readonly: true });
  const target = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await target.connect();
  const copied: Record<string, number> = {};
  try {
    await target.query(`TRUNCATE ${TABLES.map((table) => `"${table}"`).join(", ")} CASCADE`);
    for (const table of TABLES) {
      const sourceColumns = new Set((source.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((column) => column.name));
      const columns = (await columnsOf(target, table)).filter((column) => sourceColumns.has(column.name));
      const list = columns.map((column) => `"${column.name}"`).join(", ");
      const insert = `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ")})`;
      let rows = 0;
      let chunk: unknown[][] = columns.map(() => []);
      const flush = async () => {
        if (chunk[0].length === 0) return;
        await target.query(insert, chunk);
        rows += chunk[0].length;
        chunk = columns.map(() => []);
      };
      for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        row.forEach((value, index) => chunk[index].push(converted(value, columns[index].type)));
        if (chunk[0].length >= CHUNK) await flush();
      }
      await flush();
      copied[table] = rows;
    }
    // As autovacuum would leave a database in use: statistics for the planner, and a visibility
    // map that lets index-only scans skip the table.
    await target.query("VACUUM (ANALYZE)");
  } finally {
    source.close();
    await target.end();
  }
  return copied;
}

if (process.argv[1]?.endsWith("copy-to-postgres.ts")) {
  const [file, url] = process.argv.slice(2);
  copyToPostgres(file, url).then(
    (copied) => console.log(copied),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
