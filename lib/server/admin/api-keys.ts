import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES, formatScopes, parseScopes } from "@/lib/core/api-scopes";
import type { ApiKeyRow, CreatedApiKey } from "@/lib/views/admin";
import { apiKeyStore } from "./api-key-store";
import { AppError } from "../errors";
import { reads, transaction } from "../store/database";

const KEY_PREFIX = "lg_live_";
// Enough to tell keys apart in a list ("lg_live_" plus four random characters), far too little to guess the rest.
const SHOWN_PREFIX_LENGTH = 12;
// lastUsedAt answers "is this key still in use?", so minute precision is plenty and saves a write per request.
const LAST_USED_PRECISION_MS = 60_000;
const DEMO_KEY_NAME = "Demo key";

export type AuthenticatedKey = { id: string; name: string; scopes: ApiScope[] };

// A fast hash is enough: the keys are 256 random bits, so there is nothing to brute-force.
function hashOf(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it in plain text: the only time anyone sees it, since only its hash is stored. */
export async function createApiKey(input: { name: string; createdById: string; scopes?: readonly ApiScope[] }): Promise<CreatedApiKey> {
  const scopes = formatScopes(input.scopes ?? API_SCOPES);
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return transaction(async (tx) => {
    if (await apiKeyStore.activeNamed(tx, input.name)) {
      throw new AppError("CONFLICT", `An active API key named "${input.name}" already exists.`, { name: "An active key already has this name; choose another." });
    }
    const created = await apiKeyStore.insert(tx, { name: input.name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash: hashOf(key), createdById: input.createdById, scopes });
    return { id: created.id, name: created.name, prefix: created.prefix, createdAt: created.createdAt.toISOString(), key, scopes: parseScopes(created.scopes) };
  });
}

export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await apiKeyStore.list(reads());
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdByName: key.createdByName,
    scopes: parseScopes(key.scopes),
  }));
}

export async function revokeApiKey(id: string): Promise<void> {
  // Of two admins revoking at once, exactly one succeeds and the other is told why.
  await transaction(async (tx) => {
    if (await apiKeyStore.revoke(tx, id, new Date())) return;
    const name = await apiKeyStore.name(tx, id);
    if (name === undefined) throw new AppError("NOT_FOUND", "This API key no longer exists.");
    throw new AppError("CONFLICT", `The API key "${name}" is already revoked.`);
  });
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
  const key = await apiKeyStore.byHash(reads(), hashOf(token));
  if (!key) return null;
  if (key.revokedAt) return "revoked";
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // The condition repeats the check so that a burst of concurrent requests writes once, not once each.
    const staleBefore = new Date(now - LAST_USED_PRECISION_MS);
    await transaction((tx) => apiKeyStore.recordUse(tx, key.id, new Date(now), staleBefore));
  }
  return { id: key.id, name: key.name, scopes: parseScopes(key.scopes) };
}

/**
 * Registers the demo key given in the environment, unless its hash is already stored (even as
 * revoked: a demo key an admin revoked stays revoked). Returns whether it registered the key.
 */
export async function ensureDemoApiKey(key: string): Promise<boolean> {
  const hash = hashOf(key);
  return transaction(async (tx) => {
    if (await apiKeyStore.byHash(tx, hash)) return false;
    await apiKeyStore.insert(tx, { name: DEMO_KEY_NAME, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash, createdById: null });
    return true;
  });
}
