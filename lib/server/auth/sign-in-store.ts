import "server-only";
import type { FailureCount } from "@/lib/core/sign-in-throttle";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "../store/transaction";
import { perEngine } from "../store/per-engine";
import { postgresRun } from "../store/postgres-sql";

const signInUserSelect = { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true, mustChangePassword: true } satisfies Prisma.UserSelect;

/** The account an attempt names: what its password is checked against, and what its session carries; `role` as stored. */
export type SignInUserRow = Prisma.UserGetPayload<{ select: typeof signInUserSelect }>;

/** Sign-in's data: failure counts per throttle key, and the account being signed in to. */
export interface SignInStore {
  /** The stored counts of these keys; a key without failures has none. */
  throttleCounts(q: Queryable, keys: readonly string[]): Promise<Map<string, FailureCount>>;
  /**
   * Holds these keys' counts to the end of the transaction, so failures at the same moment (on
   * any instance) are counted one after the other instead of each overwriting the other's count.
   * SQLite's one writer at a time does this already.
   */
  lockThrottles(tx: Tx, keys: readonly string[]): Promise<void>;
  /** Drops the counts whose window started at or before `windowStart`. */
  deleteThrottlesStartedBy(tx: Tx, windowStart: Date): Promise<void>;
  saveThrottle(tx: Tx, key: string, count: FailureCount): Promise<void>;
  clearThrottle(tx: Tx, key: string): Promise<void>;
  userByEmail(q: Queryable, email: string): Promise<SignInUserRow | undefined>;
  recordSignIn(tx: Tx, userId: string, at: Date): Promise<void>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports, but for
// the lock, which only PostgreSQL needs.
const ormSignInStore: SignInStore = {
  async throttleCounts(q, keys) {
    const rows = await q.orm.signInThrottle.findMany({ where: { key: { in: [...keys] } } });
    return new Map(rows.map((row) => [row.key, row]));
  },
  async lockThrottles() {},
  async deleteThrottlesStartedBy(tx, windowStart) {
    await tx.orm.signInThrottle.deleteMany({ where: { windowStart: { lte: windowStart } } });
  },
  async saveThrottle(tx, key, count) {
    await tx.orm.signInThrottle.upsert({ where: { key }, create: { key, ...count }, update: count });
  },
  async clearThrottle(tx, key) {
    await tx.orm.signInThrottle.deleteMany({ where: { key } });
  },
  userByEmail: async (q, email) => (await q.orm.user.findUnique({ where: { email }, select: signInUserSelect })) ?? undefined,
  async recordSignIn(tx, userId, at) {
    await tx.orm.user.update({ where: { id: userId }, data: { lastSignInAt: at }, select: { id: true } });
  },
};

export const signInStore: SignInStore = perEngine({
  sqlite: ormSignInStore,
  postgres: {
    ...ormSignInStore,
    async lockThrottles(tx, keys) {
      // A key may have no row yet, so the lock is an advisory one on its name; taken in one order.
      await postgresRun(tx, {
        name: "sign_in_lock_throttles",
        text: `SELECT pg_advisory_xact_lock(hashtext('SignInThrottle'), hashtext(key)) FROM (SELECT DISTINCT unnest($1::text[]) AS key ORDER BY 1) AS ordered`,
        values: [keys],
      });
    },
  },
});
