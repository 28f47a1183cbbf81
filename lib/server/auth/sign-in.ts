import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/core/roles";
import { isRole } from "@/lib/core/roles";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, THROTTLE_WINDOW_MS, afterFailure, retryAfterSeconds } from "@/lib/core/sign-in-throttle";
import { hashPassword, verifyPassword } from "./password";
import { signInStore } from "./sign-in-store";
import { reads, transaction } from "../store/database";

export type SignInOutcome =
  | { status: "signed-in"; user: { id: string; email: string; name: string; role: Role; sessionVersion: number; mustChangePassword: boolean } }
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
  const counts = await signInStore.throttleCounts(reads(), [emailKey(attempt), addressKey(attempt)]);
  return Math.max(
    retryAfterSeconds(counts.get(emailKey(attempt)) ?? null, MAX_FAILURES_PER_EMAIL, now),
    retryAfterSeconds(counts.get(addressKey(attempt)) ?? null, MAX_FAILURES_PER_ADDRESS, now),
  );
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
  const user = await signInStore.userByEmail(reads(), attempt.email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy));
  if (!user || !matches || !user.active || !isRole(user.role)) {
    await recordFailures([emailKey(attempt), addressKey(attempt)], now);
    return { status: "refused" };
  }
  await transaction(async (tx) => {
    // Only the account's count: a success must not wipe the failures other e-mails made from this address.
    await signInStore.clearThrottle(tx, emailKey(attempt));
    await signInStore.recordSignIn(tx, user.id, now);
  });
  const { id, email, name, role, sessionVersion, mustChangePassword } = user;
  return { status: "signed-in", user: { id, email, name, role, sessionVersion, mustChangePassword } };
}

/** One more failure for each key, in one transaction, dropping counts whose window has ended. */
async function recordFailures(keys: readonly string[], now: Date): Promise<void> {
  await transaction(async (tx) => {
    await signInStore.lockThrottles(tx, keys);
    // Counts whose window has ended say nothing any more; dropping them keeps the table small.
    await signInStore.deleteThrottlesStartedBy(tx, new Date(now.getTime() - THROTTLE_WINDOW_MS));
    const counts = await signInStore.throttleCounts(tx, keys);
    for (const key of keys) await signInStore.saveThrottle(tx, key, afterFailure(counts.get(key) ?? null, now));
  });
}
