import "server-only";
import { reads } from "../store/database";
import { rateLimitStore } from "./rate-limit-store";

/**
 * A token bucket per API key: `perMinute` requests a minute on average, bursts up to the same
 * number (lib/core/token-bucket.ts), held across instances on PostgreSQL (rate-limit-store.ts).
 * Returns 0 when the request may go ahead, or the seconds to wait before retrying.
 */
export function takeToken(keyId: string, perMinute: number, now = Date.now()): Promise<number> {
  return rateLimitStore.take(reads(), keyId, perMinute, now);
}

export function resetRateLimits(): Promise<void> {
  return rateLimitStore.reset(reads());
}
