import "server-only";
import type { FailureCount } from "@/lib/core/sign-in-throttle";
import { afterFailure, THROTTLE_WINDOW_MS } from "@/lib/core/sign-in-throttle";
import { db } from "../db";

/* Sign-in's data: failure counts per throttle key, and the account being signed in to. */

export async function throttleCounts(keys: readonly string[]): Promise<Map<string, FailureCount>> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [...keys] } } });
  return new Map(rows.map((row) => [row.key, row]));
}

/** One more failure for each key, in one transaction, dropping counts whose window has ended. */
export async function recordThrottleFailures(keys: readonly string[], now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    // Counts whose window has ended say nothing any more; dropping them keeps the table small.
    await tx.signInThrottle.deleteMany({ where: { windowStart: { lte: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
    for (const key of keys) {
      const next = afterFailure(await tx.signInThrottle.findUnique({ where: { key } }), now);
      await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

export async function clearThrottle(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

export function userByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true, mustChangePassword: true } });
}

export async function recordSignIn(userId: string, now: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
}
