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
  totalScore: number;
  ruleSetVersion: number | null;
  modelVersion: number | null;
  returnedAt: number | null;
};

export type EventRow = { id: string; leadId: string; type: string; occurredAt: number; properties: string };

export type NewLeadRow = { id: string; email: string; firstName: string; lastName: string; searchText: string; source: string | null; now: number };
/** `ingestResult`: the answer a keyed event's request got, kept so a retry with the same key gets it again. */
export type NewEventRow = EventRow & { source: string; idempotencyScope: string; idempotencyKey: string | null; ingestResult: string | null; now: number };
export type KeyedEventRow = { id: string; leadId: string; idempotencyKey: string; ingestResult: string | null };
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
};

const LEAD_COLUMNS = `id, email, firstName, lastName, stage, version, ownerId, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields, lastActivityAt, scoredAt, totalScore, ruleSetVersion, modelVersion, returnedAt`;
const IN_CHUNK = 500;

// A score write's columns that no index holds, and updatedAt when anything it writes changed.
const SCORE_ASSIGNMENTS = `fitScore = @fitScore, engagementScore = @engagementScore,
  scoreFlags = @scoreFlags, ruleSetVersion = @ruleSetVersion,
  scoredAt = @now, lastActivityAt = @lastActivityAt,
  firstEventAt = @firstEventAt, campaign = @campaign, modelVersion = @modelVersion,
  updatedAt = CASE WHEN fitScore IS NOT @fitScore OR engagementScore IS NOT @engagementScore
      OR totalScore IS NOT @totalScore OR scoreFlags IS NOT @scoreFlags
      OR probability IS NOT @probability OR ruleSetVersion IS NOT @ruleSetVersion
      OR modelVersion IS NOT @modelVersion OR lastActivityAt IS NOT @lastActivityAt
      OR firstEventAt IS NOT @firstEventAt OR campaign IS NOT @campaign
    THEN @now ELSE updatedAt END`;

function prepare(connection: Database.Database) {
  return {
    leadById: connection.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE id = ?`),
    leadByEmail: connection.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE email = ?`),
    leadsAfter: connection.prepare<[string, number], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE id > ? ORDER BY id LIMIT ?`),
    insertLead: connection.prepare<NewLeadRow, LeadRow>(
      `INSERT INTO "Lead" (id, email, firstName, lastName, searchText, source, stage, version, customFields, scoreFlags, stageEnteredAt, createdAt, updatedAt)
       VALUES (@id, @email, @firstName, @lastName, @searchText, @source, 'LEAD', 1, '{}', '[]', @now, @now, @now)
       RETURNING ${LEAD_COLUMNS}`,
    ),
    eventByKey: connection.prepare<[string, string], KeyedEventRow>(
      `SELECT id, leadId, idempotencyKey, ingestResult FROM "Event" WHERE idempotencyScope = ? AND idempotencyKey = ?`,
    ),
    insertEvent: connection.prepare<NewEventRow>(
      `INSERT INTO "Event" (id, leadId, type, occurredAt, properties, source, idempotencyScope, idempotencyKey, ingestResult, createdAt)
       VALUES (@id, @leadId, @type, @occurredAt, @properties, @source, @idempotencyScope, @idempotencyKey, @ingestResult, @now)`,
    ),
    // updatedAt moves only when the score changes (SET reads the row as it was before this
    // UPDATE), so a re-score with the same outcome stays out of updatedSince syncs and the
    // live-change token; scoredAt always records the scoring.
    // SQLite rewrites an index entry whenever its column is SET, to the same value or not, and a
    // score write of leads all over the table dirties a page per lead in each such index. So the
    // score and the probability (four indexes) are SET only where they changed; updatedAt only
    // moves when something did.
    updateScoreIndexed: connection.prepare<ScoreUpdate & { now: number }>(
      `UPDATE "Lead" SET ${SCORE_ASSIGNMENTS}, totalScore = @totalScore, probability = @probability
       WHERE id = @id AND (totalScore IS NOT @totalScore OR probability IS NOT @probability)`,
    ),
    updateScoreUnindexed: connection.prepare<ScoreUpdate & { now: number }>(`UPDATE "Lead" SET ${SCORE_ASSIGNMENTS} WHERE id = @id`),
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

/**
 * Leads and their events as ingestion, scoring and re-scoring read and write them. The hot paths
 * hand over whole batches: on PostgreSQL each batch method is one statement, on SQLite a loop
 * over one prepared statement (a round trip there is a function call).
 */
export interface IngestStore {
  findLeadById(q: Queryable, id: string): Promise<LeadRow | undefined>;
  findLeadByEmail(q: Queryable, email: string): Promise<LeadRow | undefined>;
  /**
   * The leads of these ids or e-mails that exist, in no particular order; inside a transaction,
   * locked to its end. Unlike findLeadByEmail this locks nothing for an e-mail not found: take
   * lockForBatch first when the transaction may create those leads.
   */
  findLeads(q: Queryable, which: { ids: readonly string[]; emails: readonly string[] }): Promise<LeadRow[]>;
  /** Leads in id order after `afterId`, a page at a time, for whole-table re-scoring. */
  leadsAfter(q: Queryable, afterId: string, limit: number): Promise<LeadRow[]>;
  countLeads(q: Queryable): Promise<number>;
  /** Creates the leads, all with new e-mails; the rows as stored. */
  insertLeads(tx: Tx, rows: readonly NewLeadRow[]): Promise<LeadRow[]>;
  /** Writes the given attributes of each lead; only the column names in WRITABLE_LEAD_FIELDS reach the SQL. */
  writeLeadFields(tx: Tx, writes: ReadonlyArray<{ id: string; fields: LeadFields }>, now: number): Promise<void>;
  /** Stores the scores of leads scored at the moment `now`. */
  updateLeadScores(tx: Tx, updates: readonly ScoreUpdate[], now: number): Promise<void>;
  /** The event stored under an idempotency key, with the answer its request got. */
  findEventByIdempotencyKey(q: Queryable, scope: string, key: string): Promise<KeyedEventRow | undefined>;
  /** The events stored under any of these keys within the scope (lockForBatch first, as for findLeads). */
  findEventsByIdempotencyKeys(q: Queryable, scope: string, keys: readonly string[]): Promise<KeyedEventRow[]>;
  insertEvents(tx: Tx, rows: readonly NewEventRow[]): Promise<void>;
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
  async findLeads(q, which) {
    const { leadById, leadByEmail } = statementsOf(q);
    const found = new Map<string, LeadRow>();
    for (const id of which.ids) {
      const lead = leadById.get(id);
      if (lead) found.set(lead.id, lead);
    }
    for (const email of which.emails) {
      const lead = leadByEmail.get(email);
      if (lead) found.set(lead.id, lead);
    }
    return [...found.values()];
  },
  leadsAfter: async (q, afterId, limit) => statementsOf(q).leadsAfter.all(afterId, limit),
  countLeads: async (q) => (sqliteConnection(q).prepare(`SELECT count(*) AS count FROM "Lead"`).get() as { count: number }).count,
  async insertLeads(tx, rows) {
    const { insertLead } = statementsOf(tx);
    return rows.map((row) => insertLead.get(row)!);
  },
  async writeLeadFields(tx, writes, now) {
    const { leadUpdates } = statementsOf(tx);
    for (const { id, fields } of writes) {
      const columns = WRITABLE_LEAD_FIELDS.filter((column) => fields[column] !== undefined);
      const key = columns.join(",");
      let statement = leadUpdates.get(key);
      if (!statement) {
        const assignments = [...columns.map((column) => `"${column}" = @${column}`), `"updatedAt" = @now`].join(", ");
        statement = sqliteConnection(tx).prepare(`UPDATE "Lead" SET ${assignments} WHERE id = @id`);
        leadUpdates.set(key, statement);
      }
      statement.run({ ...fields, id, now });
    }
  },
  async updateLeadScores(tx, updates, now) {
    const { updateScoreIndexed, updateScoreUnindexed } = statementsOf(tx);
    for (const update of updates) {
      if (updateScoreIndexed.run({ ...update, now }).changes === 0) updateScoreUnindexed.run({ ...update, now });
    }
  },
  findEventByIdempotencyKey: async (q, scope, key) => statementsOf(q).eventByKey.get(scope, key),
  async findEventsByIdempotencyKeys(q, scope, keys) {
    const { eventByKey } = statementsOf(q);
    return keys.flatMap((key) => eventByKey.get(scope, key) ?? []);
  },
  async insertEvents(tx, rows) {
    const { insertEvent } = statementsOf(tx);
    for (const row of rows) insertEvent.run(row);
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
