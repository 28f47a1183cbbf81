import "server-only";
import { DAY_MS } from "@/lib/core/time";
import type { CollectMessage } from "@/lib/core/tracking";
import { leadFieldsFromTraits, originAllowed, parseOrigins, visitProperties } from "@/lib/core/tracking";
import { leadInputSchema } from "@/lib/core/lead-input";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { AppError } from "../errors";
import { ingestEvents, refusalError } from "../ingest/ingest-events";
import { upsertLeadWithEvents } from "../ingest/upsert-lead";
import { trackingStore } from "./tracking-store";

/** The write key a message came with, once it is known to be active. */
export type CollectingKey = { id: string; origins: string[] };

/**
 * The active write key `key`, or why not: an unknown or revoked key is a 401. A browser's request
 * from an origin the key doesn't list is a 403 (its CORS answer names no origin either).
 */
export async function collectingKey(key: string, origin: string | null, appOrigin: string): Promise<CollectingKey> {
  const row = await trackingStore.findWriteKey(key);
  if (!row) throw new AppError("UNAUTHENTICATED", "This write key is not valid.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This write key was revoked. Ask an admin for a new one.");
  const origins = parseOrigins(row.origins);
  if (!originAllowed(origins, origin, appOrigin)) throw new AppError("FORBIDDEN", `This write key doesn't send from ${origin}. An admin lists the sites it sends from.`);
  return { id: row.id, origins };
}

/** Whether any active write key answers `origin`: a preflight carries no key to ask about. */
export async function someKeyAllows(origin: string, appOrigin: string): Promise<boolean> {
  return originAllowed(await trackingStore.activeOrigins(), origin, appOrigin);
}

const idempotencyScope = (key: CollectingKey) => `tracking:${key.id}`;

// A browser's clock may be wrong by anything: a time more than a day off is replaced by the server's.
function occurredAt(message: CollectMessage, now: Date): Date {
  const sent = message.occurredAt ? new Date(message.occurredAt) : null;
  return sent && Math.abs(sent.getTime() - now.getTime()) <= DAY_MS ? sent : now;
}

/**
 * Takes one message from the snippet. A visitor not yet known as a lead has its page views (and
 * forms without an e-mail) kept under its anonymous id; once it identifies, or submits a form with
 * an e-mail, the lead is made or updated from the traits, those earlier events become the lead's
 * (scored with it), all in one transaction. After that, everything it does is the lead's own.
 */
export async function collect(message: CollectMessage, key: CollectingKey, now: Date = new Date()): Promise<void> {
  const at = occurredAt(message, now);
  const properties = visitProperties(message);
  const fields = leadFieldsFromTraits(message.traits ?? {});
  if (message.type === "identify" && !fields.email) {
    throw new AppError("VALIDATION", "An identify needs the visitor's e-mail.", { "traits.email": "Send the visitor's e-mail address." });
  }
  if (fields.email) return identify(message, key, { fields, properties, at, now });

  const visitor = await trackingStore.findVisitor(key.id, message.anonymousId);
  const leadId = visitor?.leadId ?? (await trackingStore.keepAnonymous({ writeKeyId: key.id, anonymousId: message.anonymousId, type: message.type, at, properties, now }));
  if (!leadId) return;
  const [result] = await ingestEvents([{ leadId, type: message.type, occurredAt: at.toISOString(), properties }], { source: "tracking", idempotencyScope: idempotencyScope(key), now });
  if (result.status === "error") throw refusalError(result);
}

type Identified = { fields: ReturnType<typeof leadFieldsFromTraits>; properties: Record<string, unknown>; at: Date; now: Date };

async function identify(message: CollectMessage, key: CollectingKey, { fields, properties, at, now }: Identified): Promise<void> {
  const input = leadInputSchema.safeParse(fields);
  if (!input.success) {
    throw new AppError("VALIDATION", "The visitor's details can't make a lead; see details for each trait.", prefixed(fieldErrorsOf(input.error)));
  }
  let visitorId = "";
  const upserted = await upsertLeadWithEvents(
    input.data,
    { newSource: "website", source: "tracking", idempotencyScope: idempotencyScope(key), now },
    async (tx, leadId) => {
      visitorId = (await trackingStore.ensureVisitor(tx, key.id, message.anonymousId, now)).id;
      const earlier = await trackingStore.visitorEvents(tx, visitorId);
      return [
        ...earlier.map((event) => ({ leadId, type: event.type, occurredAt: event.occurredAt.toISOString(), properties: JSON.parse(event.properties), idempotencyKey: `visit:${event.id}` })),
        { leadId, type: message.type, occurredAt: at.toISOString(), properties },
      ];
    },
    (tx, leadId) => trackingStore.identify(tx, visitorId, leadId, now),
  );
  if ("refused" in upserted) throw new AppError("VALIDATION", "The visitor's details can't be stored; see details for each trait.", prefixed(upserted.refused));
}

/** Field errors of the lead made from traits, named as the sender named them: traits.<field>. */
function prefixed(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`traits.${field}`, message]));
}
