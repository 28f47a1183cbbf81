import "server-only";
import type Database from "better-sqlite3";
import { sqliteUrl } from "@/lib/database-url";
import { databaseUrl } from "@/lib/env";
import { openConnection } from "./connection";
import type { Queryable } from "./transaction";
import { Reads, Tx, preparedPerConnection, runTransaction } from "./transaction";
import { startWalCheckpointer } from "./wal-checkpointer";
import { isBackgroundThread } from "./write-turns";

/*
 * The ingestion hot path (events in, scores out, at thousands per second) and whole-table
 * re-scoring talk to SQLite directly with prepared statements: through the ORM the same work
 * is 5–10× slower (BENCHMARKS.md). SQLite-specific SQL lives only in this folder (this module
 * and the dashboard's reads in metrics-store.ts); a PostgreSQL deployment provides the same
 * functions over its own driver.
 */

export type LeadRow = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  stage: string;
  version: number;
  ownerId: string | null;
  title: string | null;
  seniority: string | null;
  company: string | null;
  companySize: number | null;
  annualRevenue: number | null;
  industry: string | null;
  country: string | null;
  website: string | null;
  source: string | null;
  customFields: string;
  lastActivityAt: number | null;
  scoredAt: number | null;
  ruleSetVersion: number | null;
  modelVersion: number | null;
  returnedAt: number | null;
};

export type EventRow = { id: string; leadId: string; type: string; occurredAt: number; properties: string };

export type NewLeadRow = { id: string; email: string; firstName: string; lastName: string; searchText: string; source: string | null; now: number };
export type NewEventRow = EventRow & { source: string; idempotencyScope: string; idempotencyKey: string | null; now: number };
export type ScoreUpdate = {
  id: string;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  scoreFlags: string;
  ruleSetVersion: number;
  lastActivityAt: number | null;
  firstEventAt: number | null;
  campaign: string | null;
  probability: number | null;
  modelVersion: number | null;
  now: number;
};

const LEAD_COLUMNS = `id, email, firstName, lastName, stage, version, ownerId, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields, lastActivityAt, scoredAt, ruleSetVersion, modelVersion, returnedAt`;
const IN_CHUNK = 500;
const WAL_CHECKPOINT_INTERVAL_MS = 200;
// The log only starts over once a checkpoint has copied every frame in it (wal-checkpointer.ts).
const WAL_FINISH_INTERVAL_MS = 1_000;

function prepare(connection: Database.Database) {
  return {
    leadById: connection.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE id = ?`),
    leadByEmail: connection.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE email = ?`),
    leadsAfter: connection.prepare<[string, number], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE id > ? ORDER BY id LIMIT ?`),
    insertLead: connection.prepare<NewLeadRow>(
      `INSERT INTO "Lead" (id, email, firstName, lastName, searchText, source, stage, version, customFields, scoreFlags, stageEnteredAt, createdAt, updatedAt)
       VALUES (@id, @email, @firstName, @lastName, @searchText, @source, 'LEAD', 1, '{}', '[]', @now, @now, @now)`,
    ),
    eventByKey: connection.prepare<[string, string], { id: string; leadId: string; ingestResult: string | null }>(
      `SELECT id, leadId, ingestResult FROM "Event" WHERE idempotencyScope = ? AND idempotencyKey = ?`,
    ),
    insertEvent: connection.prepare<NewEventRow>(
      `INSERT INTO "Event" (id, leadId, type, occurredAt, properties, source, idempotencyScope, idempotencyKey, createdAt)
       VALUES (@id, @leadId, @type, @occurredAt, @properties, @source, @idempotencyScope, @idempotencyKey, @now)`,
    ),
    setEventResult: connection.prepare<[string, string]>(`UPDATE "Event" SET ingestResult = ? WHERE id = ?`),
    // updatedAt moves only when the score changes (SET reads the row as it was before this
    // UPDATE), so a re-score with the same outcome stays out of updatedSince syncs and the
    // live-change token; scoredAt always records the scoring.
    updateScore: connection.prepare<ScoreUpdate>(
      `UPDATE "Lead" SET fitScore = @fitScore, engagementScore = @engagementScore, totalScore = @totalScore,
         scoreFlags = @scoreFlags, ruleSetVersion = @ruleSetVersion,
         scoredAt = @now, lastActivityAt = @lastActivityAt,
         firstEventAt = @firstEventAt, campaign = @campaign,
         probability = @probability, modelVersion = @modelVersion,
         updatedAt = CASE WHEN fitScore IS NOT @fitScore OR engagementScore IS NOT @engagementScore
             OR totalScore IS NOT @totalScore OR scoreFlags IS NOT @scoreFlags
             OR probability IS NOT @probability OR ruleSetVersion IS NOT @ruleSetVersion
             OR modelVersion IS NOT @modelVersion OR lastActivityAt IS NOT @lastActivityAt
             OR firstEventAt IS NOT @firstEventAt OR campaign IS NOT @campaign
           THEN @now ELSE updatedAt END
       WHERE id = @id`,
    ),
  };
}

type Statements = ReturnType<typeof prepare> & {
  eventsByLeads: Map<number, Database.Statement<string[], EventRow>>;
  /** An import writes the same few column sets over and over: each is prepared once. */
  leadUpdates: Map<string, Database.Statement>;
};
type Store = {
  connection: Database.Database;
  file: string;
  reader?: Reads;
  checkpointer: { stop(): void };
};

/** The statements of the connection a transaction or a read runs on. */
const statementsOf = preparedPerConnection((connection): Statements => ({ ...prepare(connection), eventsByLeads: new Map(), leadUpdates: new Map() }));

const globalForStore = globalThis as unknown as { leadgateSqlite?: Store };

function store(): Store {
  const file = sqliteUrl(databaseUrl());
  const cached = globalForStore.leadgateSqlite;
  if (cached && cached.file === file) return cached;
  const connection = openConnection(file, isBackgroundThread() ? "background" : "requests");
  // Copying the write-ahead log back into the database (a checkpoint) after every large commit
  // put that copy inside the request; five times a second, on a thread of its own, it copies
  // each hot page once however often it changed in between, and once a second it finishes the
  // copy (WAL_FINISH_INTERVAL_MS). A background thread (lib/server/jobs/thread.ts) leaves that
  // to the checkpointer of the process that started it.
  connection.pragma("wal_autocheckpoint = 0");
  cached?.checkpointer.stop();
  const checkpointer = isBackgroundThread() ? { stop() {} } : startWalCheckpointer(file, { copyEveryMs: WAL_CHECKPOINT_INTERVAL_MS, finishEveryMs: WAL_FINISH_INTERVAL_MS });
  globalForStore.leadgateSqlite = { connection, file, checkpointer };
  return globalForStore.leadgateSqlite;
}

/**
 * Reads outside a transaction, on a second connection: it reads a snapshot of its own while the
 * writer goes on (so never another request's uncommitted writes), and its data_version tells the
 * dashboard's cache whether anything changed. It never writes, so it never holds up the writers.
 */
export function reads(): Reads {
  const current = store();
  current.reader ??= new Reads(openConnection(current.file, "reader"));
  return current.reader;
}

/** The reader connection itself, for the stores in this folder that read whole tables. */
export function sqliteReadConnection(): Database.Database {
  return reads().connection;
}

/**
 * Runs `work` as one write transaction on this thread's writer connection (transaction.ts): all
 * of it is stored, or none.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(store().connection, work);
}

function inChunks<T, R>(values: readonly T[], query: (chunk: readonly T[]) => R[]): R[] {
  const rows: R[] = [];
  for (let start = 0; start < values.length; start += IN_CHUNK) rows.push(...query(values.slice(start, start + IN_CHUNK)));
  return rows;
}

export async function findLeadById(q: Queryable, id: string): Promise<LeadRow | undefined> {
  return statementsOf(q).leadById.get(id);
}

export async function findLeadByEmail(q: Queryable, email: string): Promise<LeadRow | undefined> {
  return statementsOf(q).leadByEmail.get(email);
}

/** Leads in id order after `afterId`, a page at a time, for whole-table re-scoring. */
export async function leadsAfter(q: Queryable, afterId: string, limit: number): Promise<LeadRow[]> {
  return statementsOf(q).leadsAfter.all(afterId, limit);
}

export async function insertLead(tx: Tx, row: NewLeadRow): Promise<void> {
  statementsOf(tx).insertLead.run(row);
}

export async function findEventByIdempotencyKey(q: Queryable, scope: string, key: string) {
  return statementsOf(q).eventByKey.get(scope, key);
}

export async function insertEvent(tx: Tx, row: NewEventRow): Promise<void> {
  statementsOf(tx).insertEvent.run(row);
}

export async function setEventIngestResult(tx: Tx, eventId: string, result: string): Promise<void> {
  statementsOf(tx).setEventResult.run(result, eventId);
}

export async function eventsForLeads(q: Queryable, leadIds: readonly string[]): Promise<EventRow[]> {
  const { eventsByLeads } = statementsOf(q);
  return inChunks(leadIds, (chunk) => {
    let statement = eventsByLeads.get(chunk.length);
    if (!statement) {
      statement = q.connection.prepare<string[], EventRow>(`SELECT id, leadId, type, occurredAt, properties FROM "Event" WHERE leadId IN (${chunk.map(() => "?").join(",")})`);
      eventsByLeads.set(chunk.length, statement);
    }
    return statement.all(...chunk);
  });
}

/** Each lead's events, keyed by lead id (a lead with none is absent). */
export async function eventsByLead(q: Queryable, leadIds: readonly string[]): Promise<Map<string, EventRow[]>> {
  const byLead = new Map<string, EventRow[]>();
  for (const event of await eventsForLeads(q, leadIds)) {
    const list = byLead.get(event.leadId);
    if (list) list.push(event);
    else byLead.set(event.leadId, [event]);
  }
  return byLead;
}

export async function updateLeadScore(tx: Tx, update: ScoreUpdate): Promise<void> {
  statementsOf(tx).updateScore.run(update);
}

/** The write connection, for the other stores in this folder: their statements share its transactions. */
export function writeConnection(): Database.Database {
  return store().connection;
}

export const WRITABLE_LEAD_FIELDS = [
  "firstName",
  "lastName",
  "title",
  "seniority",
  "phone",
  "company",
  "companySize",
  "annualRevenue",
  "industry",
  "country",
  "website",
  "source",
  "customFields",
  "searchText",
] as const;
export type LeadFields = Partial<Record<(typeof WRITABLE_LEAD_FIELDS)[number], string | number | null>>;

/** Writes the given attributes of a lead; only the whitelisted column names above reach the SQL. */
export async function writeLeadFields(tx: Tx, id: string, fields: LeadFields, now: number): Promise<void> {
  const columns = WRITABLE_LEAD_FIELDS.filter((column) => fields[column] !== undefined);
  const { leadUpdates } = statementsOf(tx);
  const key = columns.join(",");
  let statement = leadUpdates.get(key);
  if (!statement) {
    const assignments = [...columns.map((column) => `"${column}" = @${column}`), `"updatedAt" = @now`].join(", ");
    statement = tx.connection.prepare(`UPDATE "Lead" SET ${assignments} WHERE id = @id`);
    leadUpdates.set(key, statement);
  }
  statement.run({ ...fields, id, now });
}

export async function countLeads(q: Queryable): Promise<number> {
  return (q.connection.prepare(`SELECT count(*) AS count FROM "Lead"`).get() as { count: number }).count;
}

/** Closes the connections (tests and scripts, so the database file can be removed). */
export function closeStore(): void {
  globalForStore.leadgateSqlite?.checkpointer.stop();
  globalForStore.leadgateSqlite?.reader?.connection.close();
  globalForStore.leadgateSqlite?.connection.close();
  globalForStore.leadgateSqlite = undefined;
}
