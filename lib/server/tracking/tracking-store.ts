import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { SAME_ORIGIN } from "@/lib/core/tracking";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

const writeKeySelect = { id: true, name: true, key: true, origins: true, createdAt: true, revokedAt: true, createdBy: { select: { name: true } } } satisfies Prisma.WriteKeySelect;

export type WriteKeyRow = Prisma.WriteKeyGetPayload<{ select: typeof writeKeySelect }>;
export type VisitorRow = { id: string; leadId: string | null };
export type VisitorEventRow = { id: string; type: string; occurredAt: Date; properties: string };

/**
 * Write keys, and the anonymous visitors the snippet reports with them. Written with the ORM:
 * one visitor row per browser and one row per anonymous page view, the same on both engines.
 */
export interface TrackingStore {
  insertWriteKey(tx: Tx, key: { name: string; key: string; origins: string; createdById: string | null }): Promise<WriteKeyRow>;
  /** Newest first. */
  writeKeys(q: Queryable): Promise<WriteKeyRow[]>;
  writeKey(q: Queryable, key: string): Promise<{ id: string; origins: string; revokedAt: Date | null } | null>;
  activeNamed(q: Queryable, name: string): Promise<boolean>;
  /** Revokes the key unless it already is: false when it is, or there is no such key. */
  revokeWriteKey(tx: Tx, id: string, at: Date): Promise<boolean>;
  writeKeyName(q: Queryable, id: string): Promise<string | undefined>;
  /** An active key that answers only the app's own pages (the demo site's), if there is one. */
  sameOriginKey(q: Queryable): Promise<string | null>;
  /** Every origin an active key lists (a preflight carries no key to look its origins up by). */
  activeOrigins(q: Queryable): Promise<string[]>;
  visitor(q: Queryable, writeKeyId: string, anonymousId: string): Promise<VisitorRow | null>;
  /** The visitor with this anonymous id under the key, made if new. */
  ensureVisitor(tx: Tx, writeKeyId: string, anonymousId: string, now: Date): Promise<VisitorRow>;
  insertVisitorEvent(tx: Tx, event: VisitorEventRow & { visitorId: string }): Promise<void>;
  /** Its anonymous events, oldest first. */
  visitorEvents(q: Queryable, visitorId: string): Promise<VisitorEventRow[]>;
  /** Makes the visitor the lead's and drops its anonymous events, now the lead's own. */
  identify(tx: Tx, visitorId: string, leadId: string, at: Date): Promise<void>;
}

export const trackingStore: TrackingStore = {
  insertWriteKey: (tx, key) => tx.orm.writeKey.create({ data: key, select: writeKeySelect }),
  writeKeys: (q) => q.orm.writeKey.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: writeKeySelect }),
  writeKey: (q, key) => q.orm.writeKey.findUnique({ where: { key }, select: { id: true, origins: true, revokedAt: true } }),
  async activeNamed(q, name) {
    return (await q.orm.writeKey.count({ where: { name, revokedAt: null } })) > 0;
  },
  async revokeWriteKey(tx, id, at) {
    const { count } = await tx.orm.writeKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    return count === 1;
  },
  async writeKeyName(q, id) {
    return (await q.orm.writeKey.findUnique({ where: { id }, select: { name: true } }))?.name;
  },
  async sameOriginKey(q) {
    return (await q.orm.writeKey.findFirst({ where: { origins: SAME_ORIGIN, revokedAt: null }, orderBy: { createdAt: "asc" }, select: { key: true } }))?.key ?? null;
  },
  async activeOrigins(q) {
    const keys = await q.orm.writeKey.findMany({ where: { revokedAt: null }, select: { origins: true } });
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
