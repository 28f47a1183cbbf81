import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { SAME_ORIGIN } from "@/lib/core/tracking";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { postgresPool } from "@/lib/env";
import { engine, reads, transaction } from "@/lib/server/store/database";
import { groupedWrites } from "@/lib/server/store/grouped-writes";
import { perEngine } from "@/lib/server/store/per-engine";
import { msToTimestamp, postgresRow, postgresRun } from "@/lib/server/store/postgres-sql";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import { timeOrderedId } from "@/lib/server/store/time-ordered-id";

const writeKeySelect = { id: true, name: true, key: true, origins: true, createdAt: true, revokedAt: true, createdBy: { select: { name: true } } } satisfies Prisma.WriteKeySelect;

export type WriteKeyRow = Prisma.WriteKeyGetPayload<{ select: typeof writeKeySelect }>;
export type AnonymousEvent = { writeKeyId: string; anonymousId: string; type: string; at: Date; properties: Record<string, unknown>; now: Date };
export type NewWriteKey = { name: string; key: string; origins: string; createdById: string | null };
export type VisitorRow = { id: string; leadId: string | null };
export type VisitorEventRow = { id: string; type: string; occurredAt: Date; properties: string };

/**
 * Write keys, and the anonymous visitors the snippet reports with them: one visitor row per
 * browser and one row per anonymous page view.
 */
export interface TrackingStore {
  /** Makes a write key unless an active one has its name: null then. */
  insertWriteKey(key: NewWriteKey): Promise<WriteKeyRow | null>;
  /** Makes a write key unless one (even revoked) is stored with the same key: whether it made it. */
  insertWriteKeyIfNew(key: NewWriteKey): Promise<boolean>;
  /** Newest first. */
  writeKeys(): Promise<WriteKeyRow[]>;
  writeKey(q: Queryable, key: string): Promise<{ id: string; origins: string; revokedAt: Date | null } | null>;
  /** Revokes the key unless it already is; when it didn't, the key's name (undefined: no such key). */
  revokeWriteKey(id: string, at: Date): Promise<{ revoked: true } | { revoked: false; name: string | undefined }>;
  /** An active key that answers only the app's own pages (the demo site's), if there is one. */
  sameOriginKey(): Promise<string | null>;
  /** Every origin an active key lists (a preflight carries no key to look its origins up by). */
  activeOrigins(): Promise<string[]>;
  /** The key's row, read on its own (writeKey outside a transaction). */
  findWriteKey(key: string): Promise<{ id: string; origins: string; revokedAt: Date | null } | null>;
  /** The visitor, read on its own (visitor outside a transaction). */
  findVisitor(writeKeyId: string, anonymousId: string): Promise<VisitorRow | null>;
  /**
   * Keeps an anonymous visitor's event under its id, making the visitor if new; answers the
   * visitor's lead instead if it identified meanwhile (the event is then the lead's to store).
   */
  keepAnonymous(event: AnonymousEvent): Promise<string | null>;
  visitor(q: Queryable, writeKeyId: string, anonymousId: string): Promise<VisitorRow | null>;
  /** The visitor with this anonymous id under the key, made if new. */
  ensureVisitor(tx: Tx, writeKeyId: string, anonymousId: string, now: Date): Promise<VisitorRow>;
  insertVisitorEvent(tx: Tx, event: VisitorEventRow & { visitorId: string }): Promise<void>;
  /** Its anonymous events, oldest first. */
  visitorEvents(q: Queryable, visitorId: string): Promise<VisitorEventRow[]>;
  /** Makes the visitor the lead's and drops its anonymous events, now the lead's own. */
  identify(tx: Tx, visitorId: string, leadId: string, at: Date): Promise<void>;
}

const ormTrackingStore: TrackingStore = {
  insertWriteKey: (key) =>
    transaction(async (tx) => ((await tx.orm.writeKey.count({ where: { name: key.name, revokedAt: null } })) > 0 ? null : tx.orm.writeKey.create({ data: key, select: writeKeySelect }))),
  insertWriteKeyIfNew: (key) =>
    transaction(async (tx) => {
      if (await tx.orm.writeKey.findUnique({ where: { key: key.key }, select: { id: true } })) return false;
      await tx.orm.writeKey.create({ data: key });
      return true;
    }),
  writeKeys: () => reads().orm.writeKey.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: writeKeySelect }),
  writeKey: (q, key) => q.orm.writeKey.findUnique({ where: { key }, select: { id: true, origins: true, revokedAt: true } }),
  revokeWriteKey: (id, at) =>
    transaction(async (tx) => {
      // Conditional, so of two revocations at once exactly one counts.
      const { count } = await tx.orm.writeKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      if (count === 1) return { revoked: true as const };
      return { revoked: false as const, name: (await tx.orm.writeKey.findUnique({ where: { id }, select: { name: true } }))?.name };
    }),
  async sameOriginKey() {
    return (await reads().orm.writeKey.findFirst({ where: { origins: SAME_ORIGIN, revokedAt: null }, orderBy: { createdAt: "asc" }, select: { key: true } }))?.key ?? null;
  },
  findWriteKey: (key) => trackingStore.writeKey(reads(), key),
  findVisitor: (writeKeyId, anonymousId) => trackingStore.visitor(reads(), writeKeyId, anonymousId),
  keepAnonymous: (event) => keepAnonymousGrouped(event),
  async activeOrigins() {
    const keys = await reads().orm.writeKey.findMany({ where: { revokedAt: null }, select: { origins: true } });
    return keys.flatMap((key) => key.origins.split("\n").map((line) => line.trim()));
  },
  visitor: (q, writeKeyId, anonymousId) => q.orm.visitor.findUnique({ where: { writeKeyId_anonymousId: { writeKeyId, anonymousId } }, select: { id: true, leadId: true } }),
  ensureVisitor: (tx, writeKeyId, anonymousId, now) =>
    tx.orm.visitor.upsert({
      where: { writeKeyId_anonymousId: { writeKeyId, anonymousId } },
      create: { writeKeyId, anonymousId, createdAt: now },
      update: {},
      select: { id: true, leadId: true },
    }),
  async insertVisitorEvent(tx, event) {
    await tx.orm.visitorEvent.create({ data: event });
  },
  visitorEvents: (q, visitorId) =>
    q.orm.visitorEvent.findMany({ where: { visitorId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true, type: true, occurredAt: true, properties: true } }),
  async identify(tx, visitorId, leadId, at) {
    await tx.orm.visitor.update({ where: { id: visitorId }, data: { leadId, identifiedAt: at } });
    await tx.orm.visitorEvent.deleteMany({ where: { visitorId } });
  },
};

// Every page view runs the key lookup, the visitor lookup and (anonymous) the visitor's upsert and
// its event: through the ORM those four cost about 40 % of a page view's time (compiling, preparing
// and mapping each query), so they are statements prepared once per connection on each engine.
type StoredKey = { id: string; origins: string; revokedAt: number | null };
type StoredVisitor = { id: string; leadId: string | null };

const asKey = (row: StoredKey | undefined) => (row ? { ...row, revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt) } : null);

const sqliteStatements = preparedPerConnection((connection) => ({
  writeKey: connection.prepare<[string], StoredKey>(`SELECT id, origins, revokedAt FROM "WriteKey" WHERE key = ?`),
  visitor: connection.prepare<[string, string], StoredVisitor>(`SELECT id, leadId FROM "Visitor" WHERE writeKeyId = ? AND anonymousId = ?`),
  // The no-op update makes RETURNING answer for a visitor that already exists too.
  ensureVisitor: connection.prepare<[string, string, string, number], StoredVisitor>(
    `INSERT INTO "Visitor" (id, writeKeyId, anonymousId, createdAt) VALUES (?, ?, ?, ?)
     ON CONFLICT (writeKeyId, anonymousId) DO UPDATE SET anonymousId = excluded.anonymousId RETURNING id, leadId`,
  ),
  insertVisitorEvent: connection.prepare<[string, string, string, number, string]>(`INSERT INTO "VisitorEvent" (id, visitorId, type, occurredAt, properties) VALUES (?, ?, ?, ?, ?)`),
}));

// Page views are most of a site's traffic and arrive side by side: those that queue up while one
// is written share the next transaction (grouped-writes.ts), so one commit serves many.
const keepAnonymousGrouped = groupedWrites<AnonymousEvent, string | null>({
  slots: () => (engine() === "sqlite" ? 1 : Math.max(1, Math.floor(postgresPool().size / 2))),
  maxItems: 500,
  itemsOf: () => 1,
  compatible: () => true,
  write: (events) =>
    transaction(async (tx) => {
      const leads: Array<string | null> = [];
      for (const event of events) {
        const visitor = await trackingStore.ensureVisitor(tx, event.writeKeyId, event.anonymousId, event.now);
        if (!visitor.leadId) {
          await trackingStore.insertVisitorEvent(tx, { id: timeOrderedId(event.at.getTime()), visitorId: visitor.id, type: event.type, occurredAt: event.at, properties: JSON.stringify(event.properties) });
        }
        leads.push(visitor.leadId);
      }
      return leads;
    }),
});

type HotPaths = Pick<TrackingStore, "writeKey" | "visitor" | "ensureVisitor" | "insertVisitorEvent">;

// The rest open their own reads or transactions on whichever engine is configured (perEngine only
// dispatches calls that carry a Reads or Tx).
export const trackingStore: TrackingStore = {
  ...ormTrackingStore,
  ...perEngine<HotPaths>({
    sqlite: {
      writeKey: async (q, key) => asKey(sqliteStatements(q).writeKey.get(key)),
      visitor: async (q, writeKeyId, anonymousId) => sqliteStatements(q).visitor.get(writeKeyId, anonymousId) ?? null,
      ensureVisitor: async (tx, writeKeyId, anonymousId, now) => sqliteStatements(tx).ensureVisitor.get(timeOrderedId(now.getTime()), writeKeyId, anonymousId, now.getTime())!,
      async insertVisitorEvent(tx, event) {
        sqliteStatements(tx).insertVisitorEvent.run(event.id, event.visitorId, event.type, event.occurredAt.getTime(), event.properties);
      },
    },
    postgres: {
      writeKey: async (q, key) => asKey(await postgresRow<StoredKey>(q, { name: "write_key_by_key", text: `SELECT id, origins, "revokedAt" FROM "WriteKey" WHERE key = $1`, values: [key] })),
      visitor: async (q, writeKeyId, anonymousId) =>
        (await postgresRow<StoredVisitor>(q, { name: "visitor_by_id", text: `SELECT id, "leadId" FROM "Visitor" WHERE "writeKeyId" = $1 AND "anonymousId" = $2`, values: [writeKeyId, anonymousId] })) ?? null,
      ensureVisitor: async (tx, writeKeyId, anonymousId, now) =>
        (await postgresRow<StoredVisitor>(tx, {
          name: "visitor_ensure",
          text: `INSERT INTO "Visitor" (id, "writeKeyId", "anonymousId", "createdAt") VALUES ($1, $2, $3, ${msToTimestamp("$4")})
                 ON CONFLICT ("writeKeyId", "anonymousId") DO UPDATE SET "anonymousId" = EXCLUDED."anonymousId" RETURNING id, "leadId"`,
          values: [timeOrderedId(now.getTime()), writeKeyId, anonymousId, now.getTime()],
        }))!,
      async insertVisitorEvent(tx, event) {
        await postgresRun(tx, {
          name: "visitor_event_insert",
          text: `INSERT INTO "VisitorEvent" (id, "visitorId", type, "occurredAt", properties) VALUES ($1, $2, $3, ${msToTimestamp("$4")}, $5)`,
          values: [event.id, event.visitorId, event.type, event.occurredAt.getTime(), event.properties],
        });
      },
    },
  }),
};
