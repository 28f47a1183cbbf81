/*
 * A token bucket: `perMinute` requests a minute on average, bursts up to the same number.
 * The API's rate limit per key (lib/server/api/rate-limit.ts) keeps one per key.
 */

export type Bucket = { tokens: number; refilledAt: number };

/** The bucket at `now`: refilled for the time since it was last, up to its size. */
export function refilled(bucket: Bucket | undefined, perMinute: number, now: number): Bucket {
  if (!bucket) return { tokens: perMinute, refilledAt: now };
  const elapsed = Math.max(0, now - bucket.refilledAt);
  return { tokens: Math.min(perMinute, bucket.tokens + (elapsed * perMinute) / 60_000), refilledAt: Math.max(bucket.refilledAt, now) };
}

/** Whole seconds until a bucket holding `tokens` has one again (at least 1). */
export function secondsUntilToken(tokens: number, perMinute: number): number {
  return Math.max(1, Math.ceil(((1 - tokens) * 60_000) / perMinute / 1000));
}
