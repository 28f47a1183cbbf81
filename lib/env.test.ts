import { afterEach, describe, expect, test, vi } from "vitest";
import { authSecret, checkEnvironment, demoDataEnabled, firstAdmin, sqliteSynchronous } from "./env";

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

describe("the first-run settings", () => {
  test("the demo is on unless LEADGATE_DEMO is off; anything else is refused by name", () => {
    vi.stubEnv("LEADGATE_DEMO", "");
    expect(demoDataEnabled()).toBe(true);
    vi.stubEnv("LEADGATE_DEMO", "off");
    expect(demoDataEnabled()).toBe(false);
    vi.stubEnv("LEADGATE_DEMO", "no");
    expect(() => checkEnvironment()).toThrow(/LEADGATE_DEMO: must be "on" .* or "off"/);
  });

  test("the first admin needs both an e-mail and a password of at least 12 characters", () => {
    vi.stubEnv("LEADGATE_ADMIN_EMAIL", "");
    vi.stubEnv("LEADGATE_ADMIN_PASSWORD", "");
    expect(firstAdmin()).toBeNull();
    vi.stubEnv("LEADGATE_ADMIN_EMAIL", " Ops@Example.COM ");
    vi.stubEnv("LEADGATE_ADMIN_PASSWORD", " twelve chars ");
    expect(firstAdmin()).toEqual({ email: "ops@example.com", password: " twelve chars " });
    vi.stubEnv("LEADGATE_ADMIN_PASSWORD", "eleven char");
    expect(() => firstAdmin()).toThrow(/LEADGATE_ADMIN_PASSWORD: must be at least 12 characters/);
    vi.stubEnv("LEADGATE_ADMIN_EMAIL", "not-an-address");
    vi.stubEnv("LEADGATE_ADMIN_PASSWORD", "long enough password");
    expect(() => firstAdmin()).toThrow(/LEADGATE_ADMIN_EMAIL: must be an e-mail address/);
    vi.stubEnv("LEADGATE_ADMIN_EMAIL", "");
    expect(() => checkEnvironment()).toThrow(/LEADGATE_ADMIN_PASSWORD is set but LEADGATE_ADMIN_EMAIL is not/);
  });
});

describe("the durability setting", () => {
  test("full unless LEADGATE_SQLITE_SYNC says normal; anything else is refused by name", () => {
    vi.stubEnv("LEADGATE_SQLITE_SYNC", "");
    expect(sqliteSynchronous()).toBe("FULL");
    vi.stubEnv("LEADGATE_SQLITE_SYNC", "normal");
    expect(sqliteSynchronous()).toBe("NORMAL");
    vi.stubEnv("LEADGATE_SQLITE_SYNC", "off");
    expect(() => checkEnvironment()).toThrow(/LEADGATE_SQLITE_SYNC: must be "full" .* or "normal"/);
  });
});
