// Sign-in throttling: fixed 15-minute windows of failures, counted per e-mail (guessing one
// account's password) and per client address (trying many accounts). Pure, so the server keeps
// the counts in the database and tests move the clock.

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** One key's failures since `windowStart`. */
export type FailureCount = { failures: number; windowStart: Date };

function windowEnd(count: FailureCount): number {
  return count.windowStart.getTime() + THROTTLE_WINDOW_MS;
}

/** Seconds until `count` lets attempts through again; 0 when it does now. */
export function retryAfterSeconds(count: FailureCount | null, limit: number, now: Date): number {
  if (!count || count.failures < limit || windowEnd(count) <= now.getTime()) return 0;
  return Math.ceil((windowEnd(count) - now.getTime()) / 1000);
}

/** The count after one more failure: a window that has ended starts over. */
export function afterFailure(count: FailureCount | null, now: Date): FailureCount {
  if (!count || windowEnd(count) <= now.getTime()) return { failures: 1, windowStart: now };
  return { failures: count.failures + 1, windowStart: count.windowStart };
}

/** "Too many attempts; try again in N minutes", rounded up so it never promises too early. */
export function throttleMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The error code a throttled sign-in reports, followed by `:seconds`. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** The seconds to wait when `error` is a throttled sign-in's code; null for any other error. */
export function throttledSeconds(error: string | null | undefined): number | null {
  const [code, seconds] = error?.split(":") ?? [];
  return code === TOO_MANY_ATTEMPTS && /^\d+$/.test(seconds ?? "") ? Number(seconds) : null;
}
