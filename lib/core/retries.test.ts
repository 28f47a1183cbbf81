import { describe, expect, test } from "vitest";
import { DELIVERY_WINDOW_MS, nextAttemptAt, retryDelayMs } from "./retries";

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

describe("retries", () => {
  test("the first retry comes within 10 s, and the waits grow to at most 6 h", () => {
    expect(retryDelayMs(1)).toBeLessThanOrEqual(10 * SECOND);
    const waits = Array.from({ length: 12 }, (_, index) => retryDelayMs(index + 1));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(Math.max(...waits)).toBe(6 * HOUR);
  });

  test("a failing delivery is tried until a day after its event, the last try at the day's end, then given up", () => {
    const createdAt = new Date("2026-12-01T00:00:00Z");
    let now = createdAt;
    const tries: Date[] = [now];
    for (let attempts = 1; attempts < 100; attempts++) {
      const next = nextAttemptAt(createdAt, attempts, now);
      if (!next) break;
      tries.push(next);
      now = next;
    }
    expect(tries.length).toBeGreaterThan(8);
    expect(tries.at(-1)!.getTime() - createdAt.getTime()).toBe(DELIVERY_WINDOW_MS);
    expect(nextAttemptAt(createdAt, tries.length, tries.at(-1)!)).toBeNull();
  });

  test("a replay older than a day gets its one attempt and no retry", () => {
    const createdAt = new Date("2026-12-01T00:00:00Z");
    expect(nextAttemptAt(createdAt, 5, new Date(createdAt.getTime() + 3 * DELIVERY_WINDOW_MS))).toBeNull();
  });
});
