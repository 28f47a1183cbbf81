import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/core/roles";
import { isRole } from "@/lib/core/roles";
import type { FailureCount } from "@/lib/core/sign-in-throttle";
import { afterFailure, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, retryAfterSeconds, THROTTLE_WINDOW_MS } from "@/lib/core/sign-in-throttle";
import { db } from "./db";
import { hashPassword, verifyPassword } from "./password";

export type SignInOutcome =
  | { status: "signed-in"; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { status: "refused" }
  | { status: "throttled"; retryAfterSeconds: number };

/** Who is trying: the lower-cased e-mail and the client address (see clientAddress). */
export type Attempt = { email: string; address: string };

const emailKey = (attempt: Attempt) => `email:${attempt.email}`;
const addressKey = (attempt: Attempt) => `address:${attempt.address}`;

/**
 * The client address from X-Forwarded-For. Its last entry is the one the nearest proxy added;
 * `next start` only fills the header in when the client sent none, so without a proxy in front
 * a client can choose its own address (the per-e-mail limit still holds).
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  return forwardedFor?.split(",").at(-1)?.trim() || "unknown";
}

/** Seconds before this e-mail or address may try again (the longer of the two); 0: now. */
export async function signInRetryAfter(attempt: Attempt, now: Date): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [emailKey(attempt), addressKey(attempt)] } } });
  const count = (key: string): FailureCount | null => rows.find((row) => row.key === key) ?? null;
  return Math.max(
    retryAfterSeconds(count(emailKey(attempt)), MAX_FAILURES_PER_EMAIL, now),
    retryAfterSeconds(count(addressKey(attempt)), MAX_FAILURES_PER_ADDRESS, now),
  );
}

async function recordFailure(attempt: Attempt, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    // Counts whose window has ended say nothing any more; dropping them keeps the table small.
    await tx.signInThrottle.deleteMany({ where: { windowStart: { lte: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
    for (const key of [emailKey(attempt), addressKey(attempt)]) {
      const next = afterFailure(await tx.signInThrottle.findUnique({ where: { key } }), now);
      await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

// A hash of a password nobody knows, so an unknown or inactive account costs one scrypt like
// any other and the response time doesn't tell which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

/** Checks a password with the throttle: refused attempts count against the e-mail and the address. */
export async function attemptSignIn(attempt: Attempt, password: string, now: Date): Promise<SignInOutcome> {
  const wait = await signInRetryAfter(attempt, now);
  if (wait > 0) return { status: "throttled", retryAfterSeconds: wait };
  // Made before the lookup so that even the process's first attempt costs the same either way.
  const dummy = (dummyHash ??= hashPassword(randomUUID()));
  const user = await db.user.findUnique({ where: { email: attempt.email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy));
  if (!user || !matches || !user.active || !isRole(user.role)) {
    await recordFailure(attempt, now);
    return { status: "refused" };
  }
  // Only the account's count: a success must not wipe the failures other e-mails made from this address.
  await db.signInThrottle.deleteMany({ where: { key: emailKey(attempt) } });
  return { status: "signed-in", user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
