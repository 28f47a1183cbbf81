import "server-only";
import { AppError } from "../errors";
import { fieldArrays, msToTimestamp, postgresRow, postgresRows, postgresRun } from "../store/postgres-sql";
import { isPostgresTx } from "../store/postgres-transaction";
import type { Queryable } from "../store/transaction";
import type { EventRow, IngestStore, KeyedEventRow, LeadFields, LeadRow } from "./ingest-store";
// The statement writeLeadFields runs is named by the set of columns it writes, as bits of this list.
import { WRITABLE_LEAD_FIELDS } from "./writable-lead-fields";

// The writable lead columns that hold integers; the others hold text.
const INTEGER_FIELDS = new Set<string>(["companySize", "annualRevenue"]);

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

const LEAD_COLUMNS = `id, email, "firstName", "lastName", stage, version, "ownerId", title, seniority, company, "companySize", "annualRevenue", industry, country, website, source, "customFields", "lastActivityAt", "scoredAt", "totalScore", "ruleSetVersion", "modelVersion", "returnedAt"`;

// One statement for a batch's scores: each column an array, one row per lead. As on SQLite,
// updatedAt moves only when the score changes (SET reads the row as it was before the UPDATE).
const UPDATE_SCORES = `UPDATE "Lead" AS l SET "fitScore" = u.fit, "engagementScore" = u.engagement, "totalScore" = u.total,
    "scoreFlags" = u.flags, "ruleSetVersion" = u.rules,
    "scoredAt" = ${msToTimestamp("$12")}, "lastActivityAt" = u.last_activity,
    "firstEventAt" = u.first_event, campaign = u.campaign,
    probability = u.probability, "modelVersion" = u.model,
    "updatedAt" = CASE WHEN l."fitScore" IS DISTINCT FROM u.fit OR l."engagementScore" IS DISTINCT FROM u.engagement
        OR l."totalScore" IS DISTINCT FROM u.total OR l."scoreFlags" IS DISTINCT FROM u.flags
        OR l.probability IS DISTINCT FROM u.probability OR l."ruleSetVersion" IS DISTINCT FROM u.rules
        OR l."modelVersion" IS DISTINCT FROM u.model OR l."lastActivityAt" IS DISTINCT FROM u.last_activity
        OR l."firstEventAt" IS DISTINCT FROM u.first_event OR l.campaign IS DISTINCT FROM u.campaign
      THEN ${msToTimestamp("$12")} ELSE l."updatedAt" END
  FROM (SELECT id, fit, engagement, total, flags, rules, ${msToTimestamp("last_activity_ms")} AS last_activity,
          ${msToTimestamp("first_event_ms")} AS first_event, campaign, probability, model
        FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::float8[], $8::float8[], $9::text[], $10::float8[], $11::int[])
          AS t(id, fit, engagement, total, flags, rules, last_activity_ms, first_event_ms, campaign, probability, model)) AS u
  WHERE l.id = u.id`;

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
  async findLeads(q, which) {
    if (which.ids.length + which.emails.length === 0) return [];
    return postgresRows<LeadRow>(q, leadQuery(q, "ingest_leads", `id = ANY($1::text[]) OR email = ANY($2::text[])`, [which.ids, which.emails]));
  },
  leadsAfter: (q, afterId, limit) => postgresRows<LeadRow>(q, leadQuery(q, "ingest_leads_after", `id > $1 ORDER BY id LIMIT $2`, [afterId, limit])),
  async countLeads(q) {
    return (await postgresRow<{ count: number }>(q, { text: `SELECT count(*) AS count FROM "Lead"` }))!.count;
  },
  async insertLeads(tx, rows) {
    if (rows.length === 0) return [];
    const inserted = await postgresRows<LeadRow>(tx, {
      name: "ingest_insert_leads",
      text: `INSERT INTO "Lead" (id, email, "firstName", "lastName", "searchText", source, stage, version, "customFields", "scoreFlags", "stageEnteredAt", "createdAt", "updatedAt")
        SELECT id, email, first_name, last_name, search_text, source, 'LEAD', 1, '{}', '[]', ${msToTimestamp("now_ms")}, ${msToTimestamp("now_ms")}, ${msToTimestamp("now_ms")}
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[]) AS t(id, email, first_name, last_name, search_text, source, now_ms)
        ON CONFLICT (email) DO NOTHING
        RETURNING ${LEAD_COLUMNS}`,
      values: fieldArrays(rows, ["id", "email", "firstName", "lastName", "searchText", "source", "now"]),
    });
    if (inserted.length < rows.length) {
      // Another writer (not through this store, so without its lock) created a lead since the lookup.
      const stored = new Set(inserted.map((lead) => lead.email));
      const email = rows.find((row) => !stored.has(row.email))!.email;
      throw new AppError("CONFLICT", `A lead with the e-mail ${email} was created by another request at the same moment; send this one again.`);
    }
    return inserted;
  },
  async writeLeadFields(tx, writes, now) {
    // Leads given the same set of columns (all of a CSV import's, usually) are written by one statement.
    const groups = new Map<number, Array<{ id: string; fields: LeadFields }>>();
    for (const write of writes) {
      const mask = WRITABLE_LEAD_FIELDS.reduce((bits, column, bit) => (write.fields[column] !== undefined ? bits | (1 << bit) : bits), 0);
      groups.set(mask, [...(groups.get(mask) ?? []), write]);
    }
    for (const [mask, group] of groups) {
      const columns = WRITABLE_LEAD_FIELDS.filter((_, bit) => mask & (1 << bit));
      const assignments = [...columns.map((column, index) => `"${column}" = u.c${index}`), `"updatedAt" = ${msToTimestamp("$1")}`].join(", ");
      const arrays = ["$2::text[]", ...columns.map((column, index) => `$${index + 3}::${INTEGER_FIELDS.has(column) ? "int" : "text"}[]`)];
      const names = ["id", ...columns.map((_, index) => `c${index}`)];
      await postgresRun(tx, {
        name: `ingest_lead_fields_${mask}`,
        text: `UPDATE "Lead" AS l SET ${assignments} FROM unnest(${arrays.join(", ")}) AS u(${names.join(", ")}) WHERE l.id = u.id`,
        values: [now, group.map((write) => write.id), ...columns.map((column) => group.map((write) => write.fields[column]))],
      });
    }
  },
  async updateLeadScores(tx, updates, now) {
    if (updates.length === 0) return;
    await postgresRun(tx, {
      name: "ingest_update_scores",
      text: UPDATE_SCORES,
      values: [
        ...fieldArrays(updates, ["id", "fitScore", "engagementScore", "totalScore", "scoreFlags", "ruleSetVersion", "lastActivityAt", "firstEventAt", "campaign", "probability", "modelVersion"]),
        now,
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
    findOrLock<KeyedEventRow>(
      q,
      { name: "ingest_event_by_key", text: `SELECT id, "leadId", "idempotencyKey", "ingestResult" FROM "Event" WHERE "idempotencyScope" = $1 AND "idempotencyKey" = $2`, values: [scope, key] },
      { kind: KEY_LOCK, value: keyLockValue(scope, key) },
    ),
  async findEventsByIdempotencyKeys(q, scope, keys) {
    if (keys.length === 0) return [];
    return postgresRows<KeyedEventRow>(q, {
      name: "ingest_events_by_keys",
      text: `SELECT id, "leadId", "idempotencyKey", "ingestResult" FROM "Event" WHERE "idempotencyScope" = $1 AND "idempotencyKey" = ANY($2::text[])`,
      values: [scope, keys],
    });
  },
  async insertEvents(tx, rows) {
    if (rows.length === 0) return;
    const inserted = await postgresRun(tx, {
      name: "ingest_insert_events",
      text: `INSERT INTO "Event" (id, "leadId", type, "occurredAt", properties, source, "idempotencyScope", "idempotencyKey", "ingestResult", "createdAt")
        SELECT id, lead_id, type, ${msToTimestamp("occurred_ms")}, properties, source, scope, key, result, ${msToTimestamp("now_ms")}
        FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[])
          AS t(id, lead_id, type, occurred_ms, properties, source, scope, key, result, now_ms)
        ON CONFLICT ("idempotencyScope", "idempotencyKey") DO NOTHING`,
      values: fieldArrays(rows, ["id", "leadId", "type", "occurredAt", "properties", "source", "idempotencyScope", "idempotencyKey", "ingestResult", "now"]),
    });
    // Another writer (not through this store, so without its lock) stored an event under one of these keys since the lookup.
    if (inserted < rows.length) throw new AppError("CONFLICT", "An event with one of these idempotency keys was stored by another request at the same moment; send the batch again.");
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
