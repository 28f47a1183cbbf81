import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";

// The stack's own ceiling for `npm run bench:ingest`: the same events stored with plain
// better-sqlite3 in one transaction, with no validation beyond shape and no scoring.
let connection: Database.Database | undefined;

export function insertEventsUnscored(events: ReadonlyArray<{ email?: string; type?: string; occurredAt?: string; properties?: unknown }>): number {
  connection ??= new Database(sqliteUrl(databaseUrl()));
  connection.pragma("busy_timeout = 5000");
  const leadByEmail = connection.prepare<[string], { id: string }>(`SELECT id FROM "Lead" WHERE email = ?`);
  const insert = connection.prepare(`INSERT INTO "Event" (id, leadId, type, occurredAt, properties, source, createdAt) VALUES (?, ?, ?, ?, ?, 'api', ?)`);
  const now = Date.now();
  return connection.transaction(() => {
    let stored = 0;
    for (const event of events) {
      const lead = event.email ? leadByEmail.get(event.email) : undefined;
      if (!lead) continue;
      insert.run(randomUUID(), lead.id, event.type ?? "page_view", event.occurredAt ? Date.parse(event.occurredAt) : now, JSON.stringify(event.properties ?? {}), now);
      stored += 1;
    }
    return stored;
  })();
}
