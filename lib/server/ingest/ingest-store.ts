import "server-only";
import type Database from "better-sqlite3";
import type { Queryable, Tx } from "../store/transaction";
import { preparedPerConnection, sqliteConnection } from "../store/sqlite-transaction";
import { perEngine } from "../store/per-engine";
import type { LeadFields } from "./writable-lead-fields";
import { WRITABLE_LEAD_FIELDS } from "./writable-lead-fields";
import { postgresIngestStore } from "./postgres-ingest-store";

/*
 * The ingestion hot path (events in, scores out, at thousands per second) and whole-table
 * re-scoring talk to SQLite directly with prepared statements: through the ORM the same work
 * is 5–10× slower (BENCHMARKS.md). On PostgreSQL the same statements run over pg
 * (postgres-ingest-store.ts).
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

/** The statements of the connection a transaction or a read runs on. */
const statementsOf = preparedPerConnection((connection): Statements => ({ ...prepare(connection), eventsByLeads: new Map(), leadUpdates: new Map() }));

export type { LeadFields } from "./writable-lead-fields";

export type BatchLocks = { leadIds: readonly string[]; emails: readonly string[]; idempotencyScope: string; idempotencyKeys: readonly string[] };

/** Leads and their events as ingestion, scoring and re-scoring read and write them. */
export interface IngestStore {
  findLeadById(q: Queryable, id: string): Promise<LeadRow | undefined>;
  findLeadByEmail(q: Queryable, email: string): Promise<LeadRow | undefined>;
  /** Leads in id order after `afterId`, a page at a time, for whole-table re-scoring. */
  leadsAfter(q: Queryable, afterId: string, limit: number): Promise<LeadRow[]>;
  countLeads(q: Queryable): Promise<number>;
  insertLead(tx: Tx, row: NewLeadRow): Promise<void>;
  /** Writes the given attributes of a lead; only the column names in WRITABLE_LEAD_FIELDS reach the SQL. */
  writeLeadFields(tx: Tx, id: string, fields: LeadFields, now: number): Promise<void>;
  updateLeadScore(tx: Tx, update: ScoreUpdate): Promise<void>;
  /** The event stored under an idempotency key, with the answer its request got. */
  findEventByIdempotencyKey(q: Queryable, scope: string, key: string): Promise<{ id: string; leadId: string; ingestResult: string | null } | undefined>;
  insertEvent(tx: Tx, row: NewEventRow): Promise<void>;
  /** Keeps the answer an event's request got, so a retry with the same key gets it again. */
  setEventIngestResult(tx: Tx, eventId: string, result: string): Promise<void>;
  eventsForLeads(q: Queryable, leadIds: readonly string[]): Promise<EventRow[]>;
  /**
   * Before a batch: takes, in one order every batch follows, what the batch will lock as it goes
   * (its leads, and the e-mails and idempotency keys it may create), so two batches naming the
   * same leads in another order wait for each other instead of deadlocking. SQLite has one
   * writer at a time and nothing to do here.
   */
  lockForBatch(tx: Tx, batch: BatchLocks): Promise<void>;
  /** Each lead's events, keyed by lead id (a lead with none is absent). */
  eventsByLead(q: Queryable, leadIds: readonly string[]): Promise<Map<string, EventRow[]>>;
}

function inChunks<T, R>(values: readonly T[], query: (chunk: readonly T[]) => R[]): R[] {
  const rows: R[] = [];
  for (let start = 0; start < values.length; start += IN_CHUNK) rows.push(...query(values.slice(start, start + IN_CHUNK)));
  return rows;
}

function eventsForLeads(q: Queryable, leadIds: readonly string[]): EventRow[] {
  const { eventsByLeads } = statementsOf(q);
  return inChunks(leadIds, (chunk) => {
    let statement = eventsByLeads.get(chunk.length);
    if (!statement) {
      statement = sqliteConnection(q).prepare<string[], EventRow>(`SELECT id, leadId, type, occurredAt, properties FROM "Event" WHERE leadId IN (${chunk.map(() => "?").join(",")})`);
      eventsByLeads.set(chunk.length, statement);
    }
    return statement.all(...chunk);
  });
}

const sqliteIngestStore: IngestStore = {
  findLeadById: async (q, id) => statementsOf(q).leadById.get(id),
  findLeadByEmail: async (q, email) => statementsOf(q).leadByEmail.get(email),
  leadsAfter: async (q, afterId, limit) => statementsOf(q).leadsAfter.all(afterId, limit),
  countLeads: async (q) => (sqliteConnection(q).prepare(`SELECT count(*) AS count FROM "Lead"`).get() as { count: number }).count,
  async insertLead(tx, row) {
    statementsOf(tx).insertLead.run(row);
  },
  async writeLeadFields(tx, id, fields, now) {
    const columns = WRITABLE_LEAD_FIELDS.filter((column) => fields[column] !== undefined);
    const { leadUpdates } = statementsOf(tx);
    const key = columns.join(",");
    let statement = leadUpdates.get(key);
    if (!statement) {
      const assignments = [...columns.map((column) => `"${column}" = @${column}`), `"updatedAt" = @now`].join(", ");
      statement = sqliteConnection(tx).prepare(`UPDATE "Lead" SET ${assignments} WHERE id = @id`);
      leadUpdates.set(key, statement);
    }
    statement.run({ ...fields, id, now });
  },
  async updateLeadScore(tx, update) {
    statementsOf(tx).updateScore.run(update);
  },
  findEventByIdempotencyKey: async (q, scope, key) => statementsOf(q).eventByKey.get(scope, key),
  async insertEvent(tx, row) {
    statementsOf(tx).insertEvent.run(row);
  },
  async setEventIngestResult(tx, eventId, result) {
    statementsOf(tx).setEventResult.run(result, eventId);
  },
  eventsForLeads: async (q, leadIds) => eventsForLeads(q, leadIds),
  async lockForBatch() {},
  async eventsByLead(q, leadIds) {
    const byLead = new Map<string, EventRow[]>();
    for (const event of eventsForLeads(q, leadIds)) {
      const list = byLead.get(event.leadId);
      if (list) list.push(event);
      else byLead.set(event.leadId, [event]);
    }
    return byLead;
  },
};

export const ingestStore: IngestStore = perEngine({ sqlite: sqliteIngestStore, postgres: postgresIngestStore });
