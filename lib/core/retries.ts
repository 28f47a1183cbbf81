/*
 * How hard Leadgate tries to deliver what it sends out (webhooks, e-mails): a failed attempt is
 * tried again with growing waits, the first within 10 s, until a day after the thing happened.
 */

const SECOND_MS = 1_000;
const HOUR_MS = 60 * 60 * SECOND_MS;
/** How long after what it tells of a delivery is still tried. */
export const DELIVERY_WINDOW_MS = 24 * HOUR_MS;
const FIRST_RETRY_MS = 5 * SECOND_MS;
const RETRY_GROWTH = 3;
const LONGEST_WAIT_MS = 6 * HOUR_MS;

/** The wait before retry `n` (1 for the first): 5 s, 15 s, 45 s, … at most 6 h. */
export function retryDelayMs(retry: number): number {
  return Math.min(FIRST_RETRY_MS * RETRY_GROWTH ** (retry - 1), LONGEST_WAIT_MS);
}

/**
 * When a delivery that has just failed its `attempts`-th attempt is tried next, or null when it
 * gives up: the next try would fall more than a day after it was made. The last try inside the
 * day is moved up to the day's end rather than dropped.
 */
export function nextAttemptAt(createdAt: Date, attempts: number, now: Date): Date | null {
  const end = createdAt.getTime() + DELIVERY_WINDOW_MS;
  if (now.getTime() >= end) return null;
  return new Date(Math.min(now.getTime() + retryDelayMs(attempts), end));
}
