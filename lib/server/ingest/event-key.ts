import "server-only";
import { createHash } from "node:crypto";
import { stableEventKey } from "@/lib/core/csv-import";
import type { EventInput } from "@/lib/core/events";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The idempotency key of an imported event: the one it came with, else one derived from its
 * content, so importing the same file or history again stores each event once.
 */
export function importedEventKey(input: EventInput): string {
  return stableEventKey(input, sha256);
}

/**
 * Idempotency keys are kept per sender: an API key's keys, or the team's imports (files and
 * history, whose keys derive from content, so importing the same data twice stores it once).
 */
export const IMPORT_SCOPE = "import";

export function apiKeyScope(apiKeyId: string): string {
  return `api-key:${apiKeyId}`;
}
