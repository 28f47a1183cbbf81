import "server-only";
import type { Bucket } from "@/lib/core/token-bucket";
import { refilled, secondsUntilToken } from "@/lib/core/token-bucket";
import { postgresRow, postgresRows, postgresRun } from "../store/postgres-sql";
import { noteBookkeepingTransaction } from "../store/postgres-snapshots";
import type { Reads } from "../store/transaction";

/*
 * The API keys' token buckets. One SQLite server keeps them in its memory; on PostgreSQL every
 * instance takes tokens from the same rows, so a key's limit holds however many instances serve it.
 */

export interface RateLimitStore {
  /** Takes a token from `key`'s bucket at `now`: 0 when the request may go ahead, or the seconds to wait. */
  take(q: Reads, key: string, perMinute: number, now: number): Promise<number>;
  /** Empties every bucket (tests). */
  reset(q: Reads): Promise<void>;
}

const buckets = new Map<string, Bucket>();

const memoryRateLimitStore: RateLimitStore = {
  async take(_q, key, perMinute, now) {
    const bucket = refilled(buckets.get(key), perMinute, now);
    const granted = bucket.tokens >= 1;
    buckets.set(key, granted ? { ...bucket, tokens: bucket.tokens - 1 } : bucket);
    return granted ? 0 : secondsUntilToken(bucket.tokens, perMinute);
  },
  async reset() {
    buckets.clear();
  },
};

// The bucket refilled to $3 (ms) at $2 a minute, as lib/core/token-bucket.ts refills it.
const REFILLED = `LEAST($2::float8, tokens + GREATEST(0, $3::float8 - "refilledAt") * $2::float8 / 60000)`;

const postgresRateLimitStore: RateLimitStore = {
  async take(q, key, perMinute, now) {
    // One statement per request that goes ahead: the row's lock makes concurrent takes (from any
    // instance) queue, and each sees the tokens the one before it left.
    // Each statement is a transaction of its own; one that takes a token says which it was, so
    // the dashboard's cache knows that transaction changed nothing it reads (postgres-snapshots.ts).
    // Its commit does not wait for the disk (synchronous_commit off for that transaction alone):
    // the row stays locked until the commit returns, so a synced commit made every request for
    // the key queue behind one disk flush after another, and a crash can lose at most the last
    // fraction of a second of tokens, which only lets a few more requests through.
    const tookToken = async (query: { name: string; text: string; values: unknown[] }) => {
      const returning = `RETURNING pg_current_xact_id()::text AS xid, set_config('synchronous_commit', 'off', true)`;
      const [taken] = await postgresRows<{ xid: string }>(q, { ...query, text: `${query.text} ${returning}` });
      if (taken) noteBookkeepingTransaction(taken.xid);
      return taken !== undefined;
    };
    const take = () =>
      tookToken({
        name: "rate_limit_take",
        text: `UPDATE "RateLimitBucket" SET tokens = ${REFILLED} - 1, "refilledAt" = GREATEST("refilledAt", $3::float8) WHERE key = $1 AND ${REFILLED} >= 1`,
        values: [key, perMinute, now],
      });
    if (await take()) return 0;
    const created = await tookToken({
      name: "rate_limit_first",
      text: `INSERT INTO "RateLimitBucket" (key, tokens, "refilledAt") VALUES ($1, $2::float8 - 1, $3::float8) ON CONFLICT (key) DO NOTHING`,
      values: [key, perMinute, now],
    });
    if (created) return 0;
    // Another request created the bucket since this one looked: take from it.
    if (await take()) return 0;
    const row = await postgresRow<{ tokens: number }>(q, { text: `SELECT ${REFILLED} AS tokens FROM "RateLimitBucket" WHERE key = $1`, values: [key, perMinute, now] });
    return secondsUntilToken(row?.tokens ?? 0, perMinute);
  },
  async reset(q) {
    await postgresRun(q, { text: `DELETE FROM "RateLimitBucket"` });
  },
};

export const rateLimitStore: RateLimitStore = {
  take: (q, ...rest) => (q.engine === "postgres" ? postgresRateLimitStore : memoryRateLimitStore).take(q, ...rest),
  reset: (q) => (q.engine === "postgres" ? postgresRateLimitStore : memoryRateLimitStore).reset(q),
};
