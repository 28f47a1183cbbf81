import "server-only";
import { randomBytes } from "node:crypto";
import { SAME_ORIGIN, WRITE_KEY_PREFIX, parseOrigins } from "@/lib/core/tracking";
import type { WriteKeyView } from "@/lib/views/tracking";
import { AppError } from "../errors";
import type { WriteKeyRow } from "./tracking-store";
import { trackingStore } from "./tracking-store";

const DEMO_WRITE_KEY_NAME = "Demo site";

function view(row: WriteKeyRow): WriteKeyView {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    origins: parseOrigins(row.origins),
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy?.name ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Makes a write key for a site, answering only the origins listed (already normalized). */
export async function createWriteKey(input: { name: string; origins: readonly string[]; createdById: string }): Promise<WriteKeyView> {
  const key = `${WRITE_KEY_PREFIX}${randomBytes(18).toString("base64url")}`;
  const row = await trackingStore.insertWriteKey({ name: input.name, key, origins: [...new Set(input.origins)].join("\n"), createdById: input.createdById });
  if (!row) throw new AppError("CONFLICT", `An active write key named "${input.name}" already exists.`, { name: "An active write key already has this name; choose another." });
  return view(row);
}

export async function listWriteKeys(): Promise<WriteKeyView[]> {
  return (await trackingStore.writeKeys()).map(view);
}

export async function revokeWriteKey(id: string): Promise<void> {
  const outcome = await trackingStore.revokeWriteKey(id, new Date());
  if (outcome.revoked) return;
  if (outcome.name === undefined) throw new AppError("NOT_FOUND", "This write key no longer exists.");
  throw new AppError("CONFLICT", `The write key "${outcome.name}" is already revoked.`);
}

/**
 * Registers the demo's write key from the environment, answering only the app's own pages,
 * unless it is already stored (a revoked one stays revoked). Returns whether it registered it.
 */
export function ensureDemoWriteKey(key: string): Promise<boolean> {
  return trackingStore.insertWriteKeyIfNew({ name: DEMO_WRITE_KEY_NAME, key, origins: SAME_ORIGIN, createdById: null });
}

/** The key the demo site sends with: an active one answering only the app's own pages, or null. */
export function demoSiteWriteKey(): Promise<string | null> {
  return trackingStore.sameOriginKey();
}
