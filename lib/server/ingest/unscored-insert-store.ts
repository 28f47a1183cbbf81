import "server-only";
import type Database from "better-sqlite3";
import { sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { timeOrderedId } from "../store/time-ordered-id";
import { openConnection } from "../store/connection";

// The stack's own ceiling for `npm run bench:ingest`: the same events stored with plain
// better-sqlite3 in one transaction, with no validation beyond shape and no scoring, through a
// connection set up as the app's writer is.
let connection: Database.Database | undefined;

export function insertEventsUnscored(events: ReadonlyArray<{ email?: string; type?: string; occurredAt?: string; properties?: unknown }>): number {
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
