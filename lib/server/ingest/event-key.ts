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
