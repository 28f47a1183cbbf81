import { createHash, randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import { createDb } from "@/lib/server/store/db";
import type { PrismaClient } from "@/lib/server/generated/prisma/client";
import { verifyPassword } from "@/lib/server/auth/password";
import { closeStore } from "@/lib/server/store/database";
import { DEMO_USERS, DISQUALIFICATION_REASONS } from "@/prisma/seed/demo-users";
import { prepareDatabase } from "@/prisma/seed/prepare-database";
import { TEMPLATE_DATABASE, TMP_DIR } from "../support/paths";
import { createPostgresTestDatabase, dropPostgresTestDatabase, postgresTestUrl, testEngine } from "../support/test-engine";

// What `npm run db:setup` does after `prisma migrate deploy` (scripts/setup-database.ts), with the
// settings it reads from the environment: LEADGATE_DEMO, LEADGATE_ADMIN_EMAIL, LEADGATE_ADMIN_PASSWORD
// and LEADGATE_DEMO_API_KEY. Each case starts from its own brand-new database.

const API_KEY = "lg_live_setup-test-key-0123456789abcdefghijklmnopq";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const DEMO_EMAILS = DEMO_USERS.map((user) => user.email);
const SMALL_DEMO = { leadCount: 120, historyCount: 150 };

const opened: Array<{ file: string; db: PrismaClient }> = [];

/** A migrated database with nothing in it, which the set-up and the scoring store both use. */
async function freshDatabase(): Promise<PrismaClient> {
  const name = `setup_${randomUUID().replaceAll("-", "")}`;
  const file = testEngine() === "postgres" ? name : path.join(TMP_DIR, `${name}.db`);
  // Re-scoring reads DATABASE_URL: point it, and the store's connection, at this database.
  await closeStore();
  if (testEngine() === "postgres") {
    await createPostgresTestDatabase(name);
    process.env.DATABASE_URL = postgresTestUrl(name);
  } else {
    copyFileSync(TEMPLATE_DATABASE, file);
    process.env.DATABASE_URL = `file:${file}`;
  }
  const db = createDb();
  // The test template carries the default rules (tests/support/global-setup.ts); a migrated database doesn't.
  await db.ruleSet.deleteMany();
  opened.push({ file, db });
  return db;
}

/** The settings for one run; anything not given is unset, whatever the shell running the tests has. */
function settings(values: { demo?: "on" | "off"; adminEmail?: string; adminPassword?: string; apiKey?: string }) {
  vi.stubEnv("LEADGATE_DEMO", values.demo ?? "");
  vi.stubEnv("LEADGATE_ADMIN_EMAIL", values.adminEmail ?? "");
  vi.stubEnv("LEADGATE_ADMIN_PASSWORD", values.adminPassword ?? "");
  vi.stubEnv("LEADGATE_DEMO_API_KEY", values.apiKey ?? "");
}

async function counts(db: PrismaClient) {
  const [leads, events, transitions, users, reasons, ruleSets, apiKeys] = await Promise.all([
    db.lead.count(),
    db.event.count(),
    db.stageTransition.count(),
    db.user.count(),
    db.disqualificationReason.count(),
    db.ruleSet.count(),
    db.apiKey.count(),
  ]);
  return { leads, events, transitions, users, reasons, ruleSets, apiKeys };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await closeStore();
  for (const { file, db } of opened) {
    await db.$disconnect();
    if (testEngine() === "postgres") await dropPostgresTestDatabase(file);
    else for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
});

describe("LEADGATE_DEMO=off: a clean start", () => {
  let db: PrismaClient;
  beforeAll(async () => {
    db = await freshDatabase();
  });

  test("no demo leads or users; the default rules, the reasons, the first admin and the API key are in place", async () => {
    settings({ demo: "off", adminEmail: " Jane.Doe@Example.com ", adminPassword: "correct horse battery staple", apiKey: API_KEY });
    const report = await prepareDatabase(db);

    expect(report.demo).toBe("off");
    expect(await db.lead.count()).toBe(0);
    expect(await db.event.count()).toBe(0);
    expect(await db.user.count({ where: { email: { in: DEMO_EMAILS } } })).toBe(0);

    const ruleSets = await db.ruleSet.findMany();
    expect(ruleSets).toHaveLength(1);
    expect(ruleSets[0]).toMatchObject({ version: 1, active: true });
    expect(JSON.parse(ruleSets[0].rules)).toEqual(DEFAULT_SCORING_RULES);
    const reasons = await db.disqualificationReason.findMany({ orderBy: { sortOrder: "asc" } });
    expect(reasons.map((reason) => reason.code)).toEqual(DISQUALIFICATION_REASONS.map((reason) => reason.code));

    // The only user is the admin from the settings, found by the e-mail as sign-in looks it up.
    const users = await db.user.findMany();
    expect(users).toHaveLength(1);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "jane.doe@example.com" } });
    expect(admin).toMatchObject({ role: "ADMIN", active: true, name: "Jane Doe" });
    expect(admin.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", admin.passwordHash)).toBe(true);
    expect(await verifyPassword("correct horse battery", admin.passwordHash)).toBe(false);
    expect(report.admin).toEqual({ email: "jane.doe@example.com", created: true });

    expect(report.apiKeyRegistered).toBe(true);
    expect(await db.apiKey.findUnique({ where: { hash: sha256(API_KEY) } })).toMatchObject({ revokedAt: null });

    expect(report.lines[0]).toBe("Demo data: off — no demo leads or users.");
    expect(report.lines.join("\n")).toMatch(/ADMIN +jane\.doe@example\.com \(from LEADGATE_ADMIN_EMAIL, created now\)/);
    expect(report.lines.join("\n")).not.toMatch(/Warning/);
  });

  test("running it again duplicates nothing and overwrites nothing, not even with a new password", async () => {
    const before = await counts(db);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "jane.doe@example.com" } });
    // The team changed a reason meanwhile: a second set-up must keep it.
    await db.disqualificationReason.update({ where: { code: "no_budget" }, data: { label: "No budget this year", active: false } });

    settings({ demo: "off", adminEmail: "jane.doe@example.com", adminPassword: "a different long password", apiKey: API_KEY });
    const report = await prepareDatabase(db);
    settings({ demo: "off", apiKey: API_KEY });
    await prepareDatabase(db);

    expect(await counts(db)).toEqual(before);
    expect(report.admin).toEqual({ email: "jane.doe@example.com", created: false });
    expect(report.apiKeyRegistered).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { email: "jane.doe@example.com" } });
    expect(after.passwordHash).toBe(admin.passwordHash);
    expect(await verifyPassword("a different long password", after.passwordHash)).toBe(false);
    expect(report.lines.join("\n")).toMatch(/already had an account: LEADGATE_ADMIN_PASSWORD only sets the password of a new one/);
    expect(await db.disqualificationReason.findUniqueOrThrow({ where: { code: "no_budget" } })).toMatchObject({ label: "No budget this year", active: false });
  });
});

describe("LEADGATE_DEMO=off without an admin", () => {
  test("warns that no one can sign in and shows how to create the first admin; turning the demo on later still seeds it", { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    settings({ demo: "off" });
    const report = await prepareDatabase(db);
    expect(await db.user.count()).toBe(0);
    expect(await db.lead.count()).toBe(0);
    expect(report.admin).toBeNull();
    const text = report.lines.join("\n");
    expect(text).toMatch(/Warning: no one can sign in yet/);
    expect(text).toMatch(/LEADGATE_DEMO=off LEADGATE_ADMIN_EMAIL=you@example\.com LEADGATE_ADMIN_PASSWORD='a long passphrase' npm run app/);

    // Still empty, so the demo may go in: its reasons join the ones already there, not twice.
    settings({ demo: "on" });
    expect((await prepareDatabase(db, SMALL_DEMO)).demo).toBe("seeded");
    expect(await db.lead.count()).toBe(SMALL_DEMO.leadCount + SMALL_DEMO.historyCount);
    expect(await db.disqualificationReason.count()).toBe(DISQUALIFICATION_REASONS.length);
    expect(await db.ruleSet.count()).toBe(1);
  });
});

describe("LEADGATE_DEMO=on (the default)", () => {
  test("seeds the demo users and leads, scored, and creates the admin from the settings beside them; a second run changes nothing", { timeout: 90_000 }, async () => {
    const db = await freshDatabase();
    settings({ adminEmail: "ops@example.com", adminPassword: "ops password 123", apiKey: API_KEY });
    const report = await prepareDatabase(db, SMALL_DEMO);

    expect(report.demo).toBe("seeded");
    expect(report.lines[0]).toMatch(/^Demo data: on — seeded 120 recent leads and 150 past leads with outcomes/);
    expect(await db.lead.count()).toBe(SMALL_DEMO.leadCount + SMALL_DEMO.historyCount);
    expect(await db.lead.count({ where: { scoredAt: null } })).toBe(0);
    expect(await db.lead.count({ where: { stage: "WON" } })).toBeGreaterThan(0);
    expect((await db.user.findMany({ where: { email: { in: DEMO_EMAILS } } })).map((user) => user.email).sort()).toEqual([...DEMO_EMAILS].sort());
    const admin = await db.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword("ops password 123", admin.passwordHash)).toBe(true);
    expect(await db.apiKey.count({ where: { hash: sha256(API_KEY) } })).toBe(1);
    expect(report.lines.join("\n")).toMatch(/admin@leadgate\.test \(demo password "leadgate-demo"\)/);

    const before = await counts(db);
    const demoAdmin = await db.user.findUniqueOrThrow({ where: { email: "admin@leadgate.test" } });
    // Again, now naming a demo user as the admin: it exists, so its demo password stays.
    settings({ demo: "on", adminEmail: "admin@leadgate.test", adminPassword: "not the demo password", apiKey: API_KEY });
    const again = await prepareDatabase(db, SMALL_DEMO);
    expect(again.demo).toBe("kept");
    expect(again.lines[0]).toBe("Demo data: on, but the database already holds data: left as it is.");
    expect(again.admin).toEqual({ email: "admin@leadgate.test", created: false });
    expect(await counts(db)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email: "admin@leadgate.test" } })).passwordHash).toBe(demoAdmin.passwordHash);
  });

  test("a bad setting is refused with the variable named, before anything is written", async () => {
    const db = await freshDatabase();
    settings({});
    vi.stubEnv("LEADGATE_DEMO", "maybe");
    await expect(prepareDatabase(db)).rejects.toThrow(/LEADGATE_DEMO: must be "on" .* or "off"/);
    settings({ demo: "off", adminEmail: "ops@example.com", adminPassword: "too short" });
    await expect(prepareDatabase(db)).rejects.toThrow(/LEADGATE_ADMIN_PASSWORD: must be at least 12 characters/);
    settings({ demo: "off", adminEmail: "ops@example.com" });
    await expect(prepareDatabase(db)).rejects.toThrow(/LEADGATE_ADMIN_EMAIL is set but LEADGATE_ADMIN_PASSWORD is not/);
    expect(await counts(db)).toEqual({ leads: 0, events: 0, transitions: 0, users: 0, reasons: 0, ruleSets: 0, apiKeys: 0 });
  });
});
