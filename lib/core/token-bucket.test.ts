import { describe, expect, it } from "vitest";
import { refilled, secondsUntilToken } from "./token-bucket";

describe("token bucket", () => {
  it("starts full and refills at the rate, never past its size", () => {
    expect(refilled(undefined, 60, 1_000)).toEqual({ tokens: 60, refilledAt: 1_000 });
    expect(refilled({ tokens: 0, refilledAt: 0 }, 60, 30_000).tokens).toBeCloseTo(30);
    expect(refilled({ tokens: 59, refilledAt: 0 }, 60, 60_000).tokens).toBe(60);
  });

  it("a clock that went back (another server's) neither refills nor drains", () => {
    expect(refilled({ tokens: 5, refilledAt: 10_000 }, 60, 9_000)).toEqual({ tokens: 5, refilledAt: 10_000 });
  });

  it("says how long until the next token, in whole seconds", () => {
    expect(secondsUntilToken(0, 60)).toBe(1);
    expect(secondsUntilToken(0, 6)).toBe(10);
    expect(secondsUntilToken(0.5, 6)).toBe(5);
  });
});
