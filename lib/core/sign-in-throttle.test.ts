import { describe, expect, it } from "vitest";
import { afterFailure, retryAfterSeconds, THROTTLE_WINDOW_MS, throttledSeconds, throttleMessage } from "./sign-in-throttle";

const start = new Date("2026-12-06T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("sign-in throttle", () => {
  it("counts failures within one window and starts over once it has ended", () => {
    let count = afterFailure(null, start);
    count = afterFailure(count, at(60_000));
    expect(count).toEqual({ failures: 2, windowStart: start });
    expect(afterFailure(count, at(THROTTLE_WINDOW_MS))).toEqual({ failures: 1, windowStart: at(THROTTLE_WINDOW_MS) });
  });

  it("refuses at the limit until the window ends", () => {
    const count = { failures: 10, windowStart: start };
    expect(retryAfterSeconds({ failures: 9, windowStart: start }, 10, start)).toBe(0);
    expect(retryAfterSeconds(count, 10, at(60_000))).toBe(14 * 60);
    expect(retryAfterSeconds(count, 10, at(THROTTLE_WINDOW_MS - 1))).toBe(1);
    expect(retryAfterSeconds(count, 10, at(THROTTLE_WINDOW_MS))).toBe(0);
    expect(retryAfterSeconds(null, 10, start)).toBe(0);
  });

  it("words the wait in whole minutes, rounded up", () => {
    expect(throttleMessage(14 * 60 + 1)).toBe("Too many attempts; try again in 15 minutes.");
    expect(throttleMessage(1)).toBe("Too many attempts; try again in 1 minute.");
  });

  it("reads the wait back from a throttled sign-in's error code only", () => {
    expect(throttledSeconds("TooManyAttempts:840")).toBe(840);
    expect(throttledSeconds("CredentialsSignin")).toBeNull();
    expect(throttledSeconds(null)).toBeNull();
  });
});
