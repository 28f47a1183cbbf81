import { afterEach, describe, expect, test, vi } from "vitest";
import { authSecret } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the session secret", () => {
  test("production refuses to run without one, and says how to fix it", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET is missing or shorter than 32 characters/);
    vi.stubEnv("NEXTAUTH_SECRET", "too-short");
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
  });

  test("production uses the secret it is given", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    expect(authSecret()).toBe("x".repeat(40));
  });

  test("development falls back to a fixed secret so `npm run dev` just works", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    expect(authSecret()).toMatch(/development/);
  });
});
