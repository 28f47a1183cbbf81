import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as listLeads } from "@/app/api/v1/leads/route";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/server/admin/api-key-actions";
import { authenticateApiKey, ensureDemoApiKey, listApiKeys } from "@/lib/server/admin/api-keys";
import { db } from "@/lib/server/store/db";
import { call } from "../support/api";
import { createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let admin: { id: string; name: string };

beforeAll(async () => {
  admin = await createUser("ADMIN", { name: "Ada Admin" });
});

const ALL = [...API_SCOPES];

async function createKey(name: string, scopes: ApiScope[] = ALL) {
  signInAs(admin);
  const result = await createApiKeyAction({ name, scopes });
  if (!result.ok) throw new Error(`Creating the key failed: ${result.error.message}`);
  return result.data;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("creating a key", () => {
  test("returns the plain-text key once and stores only its hash and prefix", async () => {
    const created = await createKey("  Website forms  ");
    expect(created).toMatchObject({ name: "Website forms", prefix: created.key.slice(0, 12) });
    expect(created.key).toMatch(/^lg_live_[A-Za-z0-9_-]{43}$/);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ hash: sha256(created.key), prefix: created.key.slice(0, 12), createdById: admin.id, revokedAt: null, lastUsedAt: null });
    const secretPart = created.key.slice(12);
    expect(JSON.stringify(row)).not.toContain(secretPart);

    const listed = await listApiKeys();
    expect(listed.find((key) => key.id === created.id)).toEqual({
      id: created.id,
      name: "Website forms",
      prefix: created.prefix,
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
      createdByName: "Ada Admin",
      scopes: ["ingest", "read", "scoring", "webhooks"],
    });
    expect(JSON.stringify(listed)).not.toContain(secretPart);
  });

  test("every key is different", async () => {
    const first = await createKey("Unique one");
    const second = await createKey("Unique two");
    expect(first.key).not.toBe(second.key);
  });

  test("an active key's name can't be reused, a revoked key's can", async () => {
    const original = await createKey("CRM sync");
    expect(await createApiKeyAction({ name: "CRM sync", scopes: ALL })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fieldErrors: { name: "An active key already has this name; choose another." } },
    });
    expect(await revokeApiKeyAction({ id: original.id })).toEqual({ ok: true, data: undefined });
    expect(await createApiKeyAction({ name: "CRM sync", scopes: ALL })).toMatchObject({ ok: true, data: { name: "CRM sync" } });
  });

  test("the name needs 2 to 60 characters, and nothing else is accepted", async () => {
    signInAs(admin);
    expect(await createApiKeyAction({ name: " x ", scopes: ALL })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: expect.any(String) } } });
    expect(await createApiKeyAction({ name: "x".repeat(61), scopes: ALL })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: expect.any(String) } } });
    expect(await createApiKeyAction({ name: "Sneaky", scopes: ALL, createdById: "someone-else" } as never)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  test("a key gets the scopes chosen for it, and the API holds it to them", async () => {
    const readOnly = await createKey("Reporting", ["read"]);
    expect(readOnly.scopes).toEqual(["read"]);
    expect((await listApiKeys()).find((key) => key.id === readOnly.id)?.scopes).toEqual(["read"]);
    expect((await call(listLeads, { path: "/leads", key: readOnly.key })).status).toBe(200);
    const refused = await call(postEvents, { path: "/events", key: readOnly.key, body: { email: "refused@prospect.example", type: "page_view" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining('"ingest"') });
    expect(await db.lead.count({ where: { email: "refused@prospect.example" } })).toBe(0);

    const twoOfThree = await createKey("Forms and lab", ["scoring", "ingest"]);
    expect(twoOfThree.scopes).toEqual(["ingest", "scoring"]);
  });

  test("at least one scope, each a real one", async () => {
    signInAs(admin);
    expect(await createApiKeyAction({ name: "Can do nothing", scopes: [] })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { scopes: "Choose at least one thing the key may do." } },
    });
    expect(await createApiKeyAction({ name: "Forgot scopes" } as never)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { scopes: expect.any(String) } } });
    expect(await createApiKeyAction({ name: "Made up", scopes: ["read", "admin"] as never })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { "scopes.1": expect.any(String) } } });
    expect(await db.apiKey.count({ where: { name: { in: ["Can do nothing", "Forgot scopes", "Made up"] } } })).toBe(0);
  });

  test("keys are listed newest first", async () => {
    const older = await createKey("Listed first");
    await db.apiKey.update({ where: { id: older.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    const newer = await createKey("Listed second");
    const ids = (await listApiKeys()).map((key) => key.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids.at(-1)).toBe(older.id);
  });
});

describe("revoking a key", () => {
  test("revokes once; again, or an unknown key, is refused with a clear message", async () => {
    const created = await createKey("Old importer");
    signInAs(admin);
    expect(await revokeApiKeyAction({ id: created.id })).toEqual({ ok: true, data: undefined });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await revokeApiKeyAction({ id: created.id })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: 'The API key "Old importer" is already revoked.' } });
    expect(await revokeApiKeyAction({ id: "no-such-key" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  test("the very next API call with a key revoked through the admin action is refused", async () => {
    const created = await createKey("Revoked by an admin");
    expect((await call(listLeads, { path: "/leads", key: created.key })).status).toBe(200);
    signInAs(admin);
    expect(await revokeApiKeyAction({ id: created.id })).toEqual({ ok: true, data: undefined });
    const refused = await call(listLeads, { path: "/leads", key: created.key });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("revoked") });
  });

  test("a revocation written to the database by another process holds from the very next call", async () => {
    const created = await createKey("Revoked elsewhere");
    expect((await call(listLeads, { path: "/leads", key: created.key })).status).toBe(200);
    // Another server instance, or an operator with a SQL shell: nothing in this process hears of it.
    await db.$executeRaw`UPDATE "ApiKey" SET "revokedAt" = ${new Date()} WHERE "id" = ${created.id}`;
    const refused = await call(listLeads, { path: "/leads", key: created.key });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("revoked") });
  });
});

describe("authenticating with a key", () => {
  test("a valid key names itself, a revoked one says so, anything else is unknown", async () => {
    const created = await createKey("Authenticating");
    expect(await authenticateApiKey(created.key)).toEqual({ id: created.id, name: "Authenticating", scopes: ["ingest", "read", "scoring", "webhooks"] });
    for (const garbage of ["", "lg_live_", created.prefix, `${created.key}x`, created.key.toUpperCase(), "Bearer nonsense", "ü".repeat(5000)]) {
      expect(await authenticateApiKey(garbage)).toBeNull();
    }
    signInAs(admin);
    await revokeApiKeyAction({ id: created.id });
    expect(await authenticateApiKey(created.key)).toBe("revoked");
  });

  test("records the last use at most once a minute", async () => {
    const created = await createKey("Busy integration");
    const lastUsedAt = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;

    await authenticateApiKey(created.key);
    const first = await lastUsedAt();
    expect(first).toBeInstanceOf(Date);
    expect(Date.now() - first!.getTime()).toBeLessThan(5_000);
    await Promise.all([authenticateApiKey(created.key), authenticateApiKey(created.key)]);
    expect(await lastUsedAt()).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.apiKey.update({ where: { id: created.id }, data: { lastUsedAt: twoMinutesAgo } });
    await authenticateApiKey(created.key);
    expect((await lastUsedAt())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect((await listApiKeys()).find((key) => key.id === created.id)?.lastUsedAt).toBe((await lastUsedAt())!.toISOString());
  });
});

describe("the demo key", () => {
  test("is registered once, by hash, however often the set-up runs", async () => {
    const demoKey = "lg_live_demo-key-for-the-integration-tests";
    expect(await ensureDemoApiKey(demoKey)).toBe(true);
    expect(await ensureDemoApiKey(demoKey)).toBe(false);
    const rows = await db.apiKey.findMany({ where: { hash: sha256(demoKey) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Demo key", prefix: "lg_live_demo", createdById: null });
    expect(await authenticateApiKey(demoKey)).toEqual({ id: rows[0].id, name: "Demo key", scopes: ["ingest", "read", "scoring"] });
  });

  test("stays revoked once an admin revokes it", async () => {
    const demoKey = "another-demo-key-without-the-usual-prefix";
    await ensureDemoApiKey(demoKey);
    const { id } = await db.apiKey.findUniqueOrThrow({ where: { hash: sha256(demoKey) } });
    signInAs(admin);
    await revokeApiKeyAction({ id });
    expect(await ensureDemoApiKey(demoKey)).toBe(false);
    expect(await authenticateApiKey(demoKey)).toBe("revoked");
  });
});

describe("only admins", () => {
  test.each(["MANAGER", "MARKETER", "SALES"] as const)("a %s can't create or revoke keys", async (role) => {
    const target = await createKey(`Target for ${role}`);
    signInAs(await createUser(role));
    expect(await createApiKeyAction({ name: `Made by ${role}`, scopes: ALL })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await revokeApiKeyAction({ id: target.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.apiKey.count({ where: { name: `Made by ${role}` } })).toBe(0);
    expect(await authenticateApiKey(target.key)).toEqual({ id: target.id, name: `Target for ${role}`, scopes: ["ingest", "read", "scoring", "webhooks"] });
  });

  test("nobody signed out can", async () => {
    const target = await createKey("Target for nobody");
    signInAs(null);
    expect(await createApiKeyAction({ name: "Made by nobody", scopes: ALL })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await revokeApiKeyAction({ id: target.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await authenticateApiKey(target.key)).not.toBe("revoked");
  });
});
