import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES, formatScopes, parseScopes } from "@/lib/core/api-scopes";
import { db } from "./db";
import { AppError } from "./errors";
import type { PrismaClient } from "./generated/prisma/client";

const KEY_PREFIX = "lg_live_";
// Enough to tell keys apart in a list ("lg_live_" plus four random characters), far too little to guess the rest.
const SHOWN_PREFIX_LENGTH = 12;
// lastUsedAt answers "is this key still in use?", so minute precision is plenty and saves a write per request.
const LAST_USED_PRECISION_MS = 60_000;
const DEMO_KEY_NAME = "Demo key";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdByName: string | null;
  scopes: ApiScope[];
};

export type AuthenticatedKey = { id: string; name: string; scopes: ApiScope[] };

export type CreatedApiKey = { id: string; name: string; prefix: string; createdAt: string; key: string; scopes: ApiScope[] };

// A fast hash is enough: the keys are 256 random bits, so there is nothing to brute-force.
function hashOf(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it in plain text: the only time anyone sees it, since only its hash is stored. */
export async function createApiKey(input: { name: string; createdById: string; scopes?: readonly ApiScope[] }): Promise<CreatedApiKey> {
  const scopes = formatScopes(input.scopes ?? API_SCOPES);
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const sameName = await tx.apiKey.findFirst({ where: { name: input.name, revokedAt: null }, select: { id: true } });
    if (sameName) {
      throw new AppError("CONFLICT", `An active API key named "${input.name}" already exists.`, { name: "An active key already has this name; choose another." });
    }
    const created = await tx.apiKey.create({
      data: { name: input.name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash: hashOf(key), createdById: input.createdById, scopes },
    });
    return { id: created.id, name: created.name, prefix: created.prefix, createdAt: created.createdAt.toISOString(), key, scopes: parseScopes(created.scopes) };
  });
}

export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, scopes: true, createdBy: { select: { name: true } } },
  });
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdByName: key.createdBy?.name ?? null,
    scopes: parseScopes(key.scopes),
  }));
}

export async function revokeApiKey(id: string): Promise<void> {
  // Conditional update: of two admins revoking at once, exactly one succeeds and the other is told why.
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 1) return;
  const key = await db.apiKey.findUnique({ where: { id }, select: { name: true } });
  if (!key) throw new AppError("NOT_FOUND", "This API key no longer exists.");
  throw new AppError("CONFLICT", `The API key "${key.name}" is already revoked.`);
}

/**
 * Who is calling the HTTP API: the key's id and name, "revoked" so the caller can say the key
 * was revoked rather than unknown, or null for a token that is not a key.
 * Reads the key's row on every request (one lookup by its unique hash): a cache in module state
 * would be per server instance, so a key revoked on one instance, or straight in the database,
 * would keep working on the others until their caches expired.
 */
export async function authenticateApiKey(token: string): Promise<AuthenticatedKey | "revoked" | null> {
  if (!token) return null;
  const key = await db.apiKey.findUnique({ where: { hash: hashOf(token) }, select: { id: true, name: true, scopes: true, lastUsedAt: true, revokedAt: true } });
  if (!key) return null;
  if (key.revokedAt) return "revoked";
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // The condition repeats the check so that a burst of concurrent requests writes once, not once each.
    const staleBefore = new Date(now - LAST_USED_PRECISION_MS);
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { id: key.id, name: key.name, scopes: parseScopes(key.scopes) };
}

/**
 * Registers the demo key given in the environment, unless its hash is already stored (even as
 * revoked: a demo key an admin revoked stays revoked). Returns whether it registered the key.
 * Takes the client so the set-up script can use the one it migrated with.
 */
export async function ensureDemoApiKey(key: string, client: PrismaClient = db): Promise<boolean> {
  const hash = hashOf(key);
  const stored = await client.apiKey.findUnique({ where: { hash }, select: { id: true } });
  if (stored) return false;
  await client.apiKey.create({ data: { name: DEMO_KEY_NAME, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash } });
  return true;
}
