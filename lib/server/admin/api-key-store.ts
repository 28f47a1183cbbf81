import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { perEngine } from "@/lib/server/store/per-engine";
import { postgresRow } from "@/lib/server/store/postgres-sql";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";

const createdSelect = { id: true, name: true, prefix: true, createdAt: true, scopes: true } satisfies Prisma.ApiKeySelect;
const byHashSelect = { id: true, name: true, scopes: true, lastUsedAt: true, revokedAt: true } satisfies Prisma.ApiKeySelect;

/** `scopes` as stored: comma-separated (lib/core/api-scopes.ts). `createdById` null: registered by the set-up. */
export type NewApiKey = { name: string; prefix: string; hash: string; createdById: string | null; scopes?: string };
export type CreatedApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof createdSelect }>;
export type ApiKeyListRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; scopes: string; createdByName: string | null };
/** What a request made with the key needs to know about it. */
export type ApiKeyByHashRow = Prisma.ApiKeyGetPayload<{ select: typeof byHashSelect }>;

/** The HTTP API's keys: only their hashes and shown prefixes, never the keys themselves. */
export interface ApiKeyStore {
  /** Newest first. */
  list(q: Queryable): Promise<ApiKeyListRow[]>;
  activeNamed(q: Queryable, name: string): Promise<boolean>;
  byHash(q: Queryable, hash: string): Promise<ApiKeyByHashRow | undefined>;
  name(q: Queryable, id: string): Promise<string | undefined>;
  insert(tx: Tx, key: NewApiKey): Promise<CreatedApiKeyRow>;
  /** Revokes the key unless it already is: false when it is, or there is no such key. */
  revoke(tx: Tx, id: string, at: Date): Promise<boolean>;
  /** Records a use at `at`, unless one at or after `staleBefore` already is. */
  recordUse(tx: Tx, id: string, at: Date, staleBefore: Date): Promise<void>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports, but
// for byHash, which every API request runs: through the ORM that one lookup cost a fifth of a
// single-event request's time (compiling the query, preparing it, mapping the row), so it is a
// statement prepared once per connection on each engine.
const ormApiKeyStore: ApiKeyStore = {
  async list(q) {
    const keys = await q.orm.apiKey.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, scopes: true, createdBy: { select: { name: true } } },
    });
    return keys.map(({ createdBy, ...key }) => ({ ...key, createdByName: createdBy?.name ?? null }));
  },
  activeNamed: async (q, name) => (await q.orm.apiKey.findFirst({ where: { name, revokedAt: null }, select: { id: true } })) !== null,
  byHash: async (q, hash) => (await q.orm.apiKey.findUnique({ where: { hash }, select: byHashSelect })) ?? undefined,
  name: async (q, id) => (await q.orm.apiKey.findUnique({ where: { id }, select: { name: true } }))?.name,
  insert: (tx, key) => tx.orm.apiKey.create({ data: key, select: createdSelect }),
  async revoke(tx, id, at) {
    // Conditional, so of two revocations at once exactly one counts.
    const { count } = await tx.orm.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    return count === 1;
  },
  async recordUse(tx, id, at, staleBefore) {
    await tx.orm.apiKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] }, data: { lastUsedAt: at } });
  },
};

type StoredByHash = { id: string; name: string; scopes: string; lastUsedAt: number | null; revokedAt: number | null };

const asByHashRow = (row: StoredByHash | undefined): ApiKeyByHashRow | undefined =>
  row && { ...row, lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt), revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt) };

const sqliteByHash = preparedPerConnection((connection) =>
  connection.prepare<[string], StoredByHash>(`SELECT id, name, scopes, lastUsedAt, revokedAt FROM "ApiKey" WHERE hash = ?`),
);

export const apiKeyStore: ApiKeyStore = perEngine({
  sqlite: { ...ormApiKeyStore, byHash: async (q, hash) => asByHashRow(sqliteByHash(q).get(hash)) },
  postgres: {
    ...ormApiKeyStore,
    byHash: async (q, hash) =>
      asByHashRow(await postgresRow<StoredByHash>(q, { name: "api_key_by_hash", text: `SELECT id, name, scopes, "lastUsedAt", "revokedAt" FROM "ApiKey" WHERE hash = $1`, values: [hash] })),
  },
});
