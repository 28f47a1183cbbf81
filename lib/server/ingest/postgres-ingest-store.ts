import "server-only";
import { AppError } from "../errors";
import { msToTimestamp, postgresRow, postgresRows, postgresRun } from "../store/postgres-sql";
import { isPostgresTx } from "../store/postgres-transaction";
import type { Queryable } from "../store/transaction";
import type { EventRow, IngestStore, LeadRow } from "./ingest-store";
// The statement writeLeadFields runs is named by the set of columns it writes, as bits of this list.
import { WRITABLE_LEAD_FIELDS } from "./writable-lead-fields";

/*
 * IngestStore on PostgreSQL: the same statements as the SQLite store's, named so each is
 * prepared once per connection of the pool.
 *
 * Transactions run side by side here, and ingestion creates what a lookup did not find: a lead
 * for an unknown e-mail, an event for an unknown idempotency key. A lookup inside a transaction
 * that finds nothing therefore locks the e-mail or key (an advisory lock, held to the end of the
 * transaction) and looks again: a concurrent transaction creating the same is waited for, and
 * what it committed is found (a retry then gets the first answer, as on SQLite's one writer).
 * Only what is about to be created is locked, so a transaction holds one lock per new lead or
 * keyed event.
 *
 * A lead read inside a transaction is read to be scored from its events and written back, so
 * its row stays locked to the end (FOR NO KEY UPDATE, which leaves inserting its events free):
 * two transactions scoring the same lead take turns, and the second reads the first's events
 * instead of overwriting its score with one that misses them.
 */

// What the advisory locks name: a lead's e-mail, or an idempotency key within its scope.
const EMAIL_LOCK = "Lead.email";
const KEY_LOCK = "Event.idempotencyKey";
const keyLockValue = (scope: string, key: string) => `${scope}\n${key}`;

const LEAD_COLUMNS = `id, email, "firstName", "lastName", stage, version, "ownerId", title, seniority, company, "companySize", "annualRevenue", industry, country, website, source, "customFields", "lastActivityAt", "scoredAt", "ruleSetVersion", "modelVersion", "returnedAt"`;


const UPDATE_SCORE = `UPDATE "Lead" SET "fitScore" = $2, "engagementScore" = $3, "totalScore" = $4,
    "scoreFlags" = $5, "ruleSetVersion" = $6,
    "scoredAt" = ${msToTimestamp("$12")}, "lastActivityAt" = ${msToTimestamp("$7")},
    "firstEventAt" = ${msToTimestamp("$8")}, campaign = $9,
    probability = $10, "modelVersion" = $11,
    "updatedAt" = CASE WHEN "fitScore" IS DISTINCT FROM $2 OR "engagementScore" IS DISTINCT FROM $3
        OR "totalScore" IS DISTINCT FROM $4 OR "scoreFlags" IS DISTINCT FROM $5
        OR probability IS DISTINCT FROM $10 OR "ruleSetVersion" IS DISTINCT FROM $6
        OR "modelVersion" IS DISTINCT FROM $11 OR "lastActivityAt" IS DISTINCT FROM ${msToTimestamp("$7")}
        OR "firstEventAt" IS DISTINCT FROM ${msToTimestamp("$8")} OR campaign IS DISTINCT FROM $9
      THEN ${msToTimestamp("$12")} ELSE "updatedAt" END
  WHERE id = $1`;

type Query = { name: string; text: string; values: unknown[] };

/** Leads `where` selects (and orders); inside a transaction, locked until it ends. */
function leadQuery(q: Queryable, name: string, where: string, values: unknown[]): Query {
  return isPostgresTx(q)
    ? { name: `${name}_locked`, text: `SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE ${where} FOR NO KEY UPDATE`, values }
    : { name, text: `SELECT ${LEAD_COLUMNS} FROM "Lead" WHERE ${where}`, values };
}

/** The row `query` finds; when it finds none inside a transaction, the row once `what` is locked. */
async function findOrLock<T>(q: Queryable, query: Query, what: { kind: string; value: string }): Promise<T | undefined> {
  const found = await postgresRow<T>(q, query);
  if (found || !isPostgresTx(q)) return found;
  await postgresRun(q, { name: "ingest_lock", text: `SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, values: [what.kind, what.value] });
  return postgresRow<T>(q, query);
}

async function eventsForLeads(q: Queryable, leadIds: readonly string[]): Promise<EventRow[]> {
  if (leadIds.length === 0) return [];
  // One array parameter, so any number of leads is one statement (SQLite's goes in chunks).
  return postgresRows<EventRow>(q, {
    name: "ingest_events_for_leads",
    text: `SELECT id, "leadId", type, "occurredAt", properties FROM "Event" WHERE "leadId" = ANY($1::text[])`,
    values: [leadIds],
  });
}

export const postgresIngestStore: IngestStore = {
  findLeadById: (q, id) => postgresRow<LeadRow>(q, leadQuery(q, "ingest_lead_by_id", `id = $1`, [id])),
  findLeadByEmail: (q, email) => findOrLock<LeadRow>(q, leadQuery(q, "ingest_lead_by_email", `email = $1`, [email]), { kind: EMAIL_LOCK, value: email }),
  leadsAfter: (q, afterId, limit) => postgresRows<LeadRow>(q, leadQuery(q, "ingest_leads_after", `id > $1 ORDER BY id LIMIT $2`, [afterId, limit])),
  async countLeads(q) {
    return (await postgresRow<{ count: number }>(q, { text: `SELECT count(*) AS count FROM "Lead"` }))!.count;
  },
  async insertLead(tx, row) {
    const inserted = await postgresRun(tx, {
      name: "ingest_insert_lead",
      text: `INSERT INTO "Lead" (id, email, "firstName", "lastName", "searchText", source, stage, version, "customFields", "scoreFlags", "stageEnteredAt", "createdAt", "updatedAt")
        VALUES ($1, $2, $3, $4, $5, $6, 'LEAD', 1, '{}', '[]', ${msToTimestamp("$7")}, ${msToTimestamp("$7")}, ${msToTimestamp("$7")})
        ON CONFLICT (email) DO NOTHING`,
      values: [row.id, row.email, row.firstName, row.lastName, row.searchText, row.source, row.now],
    });
    // Another writer (not through this store, so without its lock) created the lead since the lookup.
    if (inserted === 0) throw new AppError("CONFLICT", `A lead with the e-mail ${row.email} was created by another request at the same moment; send this one again.`);
  },
  async writeLeadFields(tx, id, fields, now) {
    const columns = WRITABLE_LEAD_FIELDS.filter((column) => fields[column] !== undefined);
    const mask = WRITABLE_LEAD_FIELDS.reduce((bits, column, bit) => (fields[column] !== undefined ? bits | (1 << bit) : bits), 0);
    const assignments = [...columns.map((column, index) => `"${column}" = $${index + 3}`), `"updatedAt" = ${msToTimestamp("$2")}`].join(", ");
    await postgresRun(tx, {
      name: `ingest_lead_fields_${mask}`,
      text: `UPDATE "Lead" SET ${assignments} WHERE id = $1`,
      values: [id, now, ...columns.map((column) => fields[column])],
    });
  },
  async updateLeadScore(tx, update) {
    await postgresRun(tx, {
      name: "ingest_update_score",
      text: UPDATE_SCORE,
      values: [
        update.id,
        update.fitScore,
        update.engagementScore,
        update.totalScore,
        update.scoreFlags,
        update.ruleSetVersion,
        update.lastActivityAt,
        update.firstEventAt,
        update.campaign,
        update.probability,
        update.modelVersion,
        update.now,
      ],
    });
  },
  async lockForBatch(tx, batch) {
    // Leads first, in id order; then the e-mails and keys that may be created, in the order of
    // their lock keys. Every batch takes its locks in this one order, so none waits in a circle.
    // The later lookups take the same locks again, which a transaction already holding them passes.
    if (batch.leadIds.length + batch.emails.length > 0) {
      await postgresRun(tx, {
        name: "ingest_lock_batch_leads",
        text: `SELECT id FROM "Lead" WHERE id = ANY($1::text[]) OR email = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
        values: [batch.leadIds, batch.emails],
      });
    }
    const kinds = [...batch.emails.map(() => EMAIL_LOCK), ...batch.idempotencyKeys.map(() => KEY_LOCK)];
    const values = [...batch.emails, ...batch.idempotencyKeys.map((key) => keyLockValue(batch.idempotencyScope, key))];
    if (kinds.length === 0) return;
    await postgresRun(tx, {
      name: "ingest_lock_batch_keys",
      text: `SELECT pg_advisory_xact_lock(k1, k2) FROM (SELECT DISTINCT hashtext(kind) AS k1, hashtext(value) AS k2 FROM unnest($1::text[], $2::text[]) AS t(kind, value) ORDER BY k1, k2) AS ordered`,
      values: [kinds, values],
    });
  },
  findEventByIdempotencyKey: (q, scope, key) =>
    findOrLock<{ id: string; leadId: string; ingestResult: string | null }>(
      q,
      { name: "ingest_event_by_key", text: `SELECT id, "leadId", "ingestResult" FROM "Event" WHERE "idempotencyScope" = $1 AND "idempotencyKey" = $2`, values: [scope, key] },
      { kind: KEY_LOCK, value: keyLockValue(scope, key) },
    ),
  async insertEvent(tx, row) {
    const inserted = await postgresRun(tx, {
      name: "ingest_insert_event",
      text: `INSERT INTO "Event" (id, "leadId", type, "occurredAt", properties, source, "idempotencyScope", "idempotencyKey", "createdAt")
        VALUES ($1, $2, $3, ${msToTimestamp("$4")}, $5, $6, $7, $8, ${msToTimestamp("$9")})
        ON CONFLICT ("idempotencyScope", "idempotencyKey") DO NOTHING`,
      values: [row.id, row.leadId, row.type, row.occurredAt, row.properties, row.source, row.idempotencyScope, row.idempotencyKey, row.now],
    });
    // Another writer (not through this store, so without its lock) stored an event with this key since the lookup.
    if (inserted === 0) throw new AppError("CONFLICT", `An event with the idempotency key "${row.idempotencyKey}" was stored by another request at the same moment; send this one again.`);
  },
  async setEventIngestResult(tx, eventId, result) {
    await postgresRun(tx, { name: "ingest_set_event_result", text: `UPDATE "Event" SET "ingestResult" = $1 WHERE id = $2`, values: [result, eventId] });
  },
  eventsForLeads,
  async eventsByLead(q, leadIds) {
    const byLead = new Map<string, EventRow[]>();
    for (const event of await eventsForLeads(q, leadIds)) {
      const list = byLead.get(event.leadId);
      if (list) list.push(event);
      else byLead.set(event.leadId, [event]);
    }
    return byLead;
  },
};
