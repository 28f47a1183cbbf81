import "server-only";
import type Database from "better-sqlite3";
import { databaseEngine, sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { timeOrderedId } from "../store/time-ordered-id";
import { openConnection } from "../store/connection";
import { postgresStore } from "../store/postgres-database";
import { msToTimestamp, postgresRun } from "../store/postgres-sql";

// The stack's own ceiling for `npm run bench:ingest`: the same events stored with no validation
// beyond shape and no scoring. On SQLite, plain better-sqlite3 in one transaction, through a
// connection set up as the app's writer is; on PostgreSQL, one multi-row statement per batch
// on the app's pool.
let connection: Database.Database | undefined;

type RawEvent = { email?: string; type?: string; occurredAt?: string; properties?: unknown };

/** How many of `events` were stored: those whose e-mail names a lead. */
export function insertEventsUnscored(events: readonly RawEvent[]): number | Promise<number> {
  return databaseEngine(databaseUrl()) === "postgres" ? insertOnPostgres(events) : insertOnSqlite(events);
}

function insertOnSqlite(events: readonly RawEvent[]): number {
  connection ??= openConnection(sqliteUrl(databaseUrl()), "requests");
  const leadByEmail = connection.prepare<[string], { id: string }>(`SELECT id FROM "Lead" WHERE email = ?`);
  const insert = connection.prepare(`INSERT INTO "Event" (id, leadId, type, occurredAt, properties, source, createdAt) VALUES (?, ?, ?, ?, ?, 'api', ?)`);
  const now = Date.now();
  return connection.transaction(() => {
    let stored = 0;
    for (const event of events) {
      const lead = event.email ? leadByEmail.get(event.email) : undefined;
      if (!lead) continue;
      insert.run(timeOrderedId(now), lead.id, event.type ?? "page_view", event.occurredAt ? Date.parse(event.occurredAt) : now, JSON.stringify(event.properties ?? {}), now);
      stored += 1;
    }
    return stored;
  })();
}

// The join finds each event's lead, and drops an event whose e-mail names none, as SQLite's loop does.
function insertOnPostgres(events: readonly RawEvent[]): Promise<number> {
  const now = Date.now();
  return postgresRun(postgresStore().reads, {
    name: "bench_insert_events_unscored",
    text: `INSERT INTO "Event" (id, "leadId", type, "occurredAt", properties, source, "createdAt")
      SELECT e.id, l.id, e.type, ${msToTimestamp("e.at")}, e.properties, 'api', ${msToTimestamp("$6")}
      FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[]) AS e(id, email, type, at, properties)
      JOIN "Lead" l ON l.email = e.email`,
    values: [
      events.map(() => timeOrderedId(now)),
      events.map((event) => event.email ?? null),
      events.map((event) => event.type ?? "page_view"),
      events.map((event) => (event.occurredAt ? Date.parse(event.occurredAt) : now)),
      events.map((event) => JSON.stringify(event.properties ?? {})),
      now,
    ],
  });
}
