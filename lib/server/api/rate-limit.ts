import "server-only";

type Bucket = { tokens: number; updatedAt: number };

const buckets = new Map<string, Bucket>();

/**
 * A token bucket per API key: `perMinute` requests a minute on average, bursts up to the same
 * number. Returns 0 when the request may go ahead, or the seconds to wait before retrying.
 */
export function takeToken(keyId: string, perMinute: number, now = Date.now()): number {
  const refillPerMs = perMinute / 60_000;
  const bucket = buckets.get(keyId) ?? { tokens: perMinute, updatedAt: now };
  bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
  bucket.updatedAt = now;
  buckets.set(keyId, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
}

export function resetRateLimits(): void {
  buckets.clear();
}
