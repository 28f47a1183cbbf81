import { afterEach, expect, test } from "vitest";
import { resetRateLimits, takeToken } from "@/lib/server/api/rate-limit";

// An API key's rate limit (lib/server/api/rate-limit.ts), held in the database on PostgreSQL so
// every instance takes from the same bucket.

afterEach(() => resetRateLimits());

test("a key gets its burst, then waits for the refill; another key has its own bucket", async () => {
  const now = 1_000_000;
  expect(await takeToken("key-a", 2, now)).toBe(0);
  expect(await takeToken("key-a", 2, now)).toBe(0);
  expect(await takeToken("key-a", 2, now)).toBe(30);
  expect(await takeToken("key-b", 2, now)).toBe(0);
  expect(await takeToken("key-a", 2, now + 30_000)).toBe(0);
  expect(await takeToken("key-a", 2, now + 30_000)).toBe(30);
});

test("requests taken at the same moment get exactly the bucket's tokens, no more", async () => {
  const outcomes = await Promise.all(Array.from({ length: 25 }, () => takeToken("key-c", 10, 5_000_000)));
  expect(outcomes.filter((wait) => wait === 0)).toHaveLength(10);
  expect(outcomes.filter((wait) => wait > 0)).toHaveLength(15);
});
