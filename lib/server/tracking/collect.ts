import "server-only";
import { DAY_MS } from "@/lib/core/time";
import type { CollectMessage } from "@/lib/core/tracking";
import { leadFieldsFromTraits, originAllowed, parseOrigins, visitProperties } from "@/lib/core/tracking";
import { leadInputSchema } from "@/lib/core/lead-input";
import { MAX_BATCH_EVENTS } from "@/lib/core/events";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { AppError } from "../errors";
import { ingestEvents, ingestEventsIn, refusalError } from "../ingest/ingest-events";
import { ingestStore } from "../ingest/ingest-store";
import { upsertLeadsIn } from "../ingest/upsert-lead";
import { engine, reads, transaction } from "../store/database";
import { groupedWrites } from "../store/grouped-writes";
import { postgresPool } from "@/lib/env";
import { timeOrderedId } from "../store/time-ordered-id";
import { trackingStore } from "./tracking-store";

/** The write key a message came with, once it is known to be active. */
export type CollectingKey = { id: string; origins: string[] };

/**
 * The active write key `key`, or why not: an unknown or revoked key is a 401. A browser's request
 * from an origin the key doesn't list is a 403 (its CORS answer names no origin either).
 */
export async function collectingKey(key: string, origin: string | null, appOrigin: string): Promise<CollectingKey> {
  const row = await trackingStore.writeKey(reads(), key);
  if (!row) throw new AppError("UNAUTHENTICATED", "This write key is not valid.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This write key was revoked. Ask an admin for a new one.");
  const origins = parseOrigins(row.origins);
  if (!originAllowed(origins, origin, appOrigin)) throw new AppError("FORBIDDEN", `This write key doesn't send from ${origin}. An admin lists the sites it sends from.`);
  return { id: row.id, origins };
}

/** Whether any active write key answers `origin`: a preflight carries no key to ask about. */
export async function someKeyAllows(origin: string, appOrigin: string): Promise<boolean> {
  return originAllowed(await trackingStore.activeOrigins(reads()), origin, appOrigin);
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

  const visitor = await trackingStore.visitor(reads(), key.id, message.anonymousId);
  const leadId = visitor?.leadId ?? (await keepAnonymous({ writeKeyId: key.id, anonymousId: message.anonymousId, type: message.type, at, properties, now }));
  if (!leadId) return;
  const [result] = await ingestEvents([{ leadId, type: message.type, occurredAt: at.toISOString(), properties }], { source: "tracking", idempotencyScope: idempotencyScope(key), now });
  if (result.status === "error") throw refusalError(result);
}

type AnonymousEvent = { writeKeyId: string; anonymousId: string; type: string; at: Date; properties: Record<string, unknown>; now: Date };

/**
 * Keeps an anonymous visitor's event under its id; answers the visitor's lead instead if it
 * identified meanwhile (its event is then the lead's). Page views are most of a site's traffic
 * and arrive side by side: those that queue up while one is written share the next transaction
 * (grouped-writes.ts), so one commit serves many.
 */
const keepAnonymous = groupedWrites<AnonymousEvent, string | null>({
  slots: () => (engine() === "sqlite" ? 1 : Math.max(1, Math.floor(postgresPool().size / 2))),
  maxItems: 500,
  itemsOf: () => 1,
  compatible: () => true,
  write: (events) =>
    transaction(async (tx) => {
      const leads: Array<string | null> = [];
      for (const event of events) {
        const visitor = await trackingStore.ensureVisitor(tx, event.writeKeyId, event.anonymousId, event.now);
        if (!visitor.leadId) {
          await trackingStore.insertVisitorEvent(tx, { id: timeOrderedId(event.at.getTime()), visitorId: visitor.id, type: event.type, occurredAt: event.at, properties: JSON.stringify(event.properties) });
        }
        leads.push(visitor.leadId);
      }
      return leads;
    }),
});

type Identified = { fields: ReturnType<typeof leadFieldsFromTraits>; properties: Record<string, unknown>; at: Date; now: Date };

async function identify(message: CollectMessage, key: CollectingKey, { fields, properties, at, now }: Identified): Promise<void> {
  const input = leadInputSchema.safeParse(fields);
  if (!input.success) {
    throw new AppError("VALIDATION", "The visitor's details can't make a lead; see details for each trait.", prefixed(fieldErrorsOf(input.error)));
  }
  await transaction(async (tx) => {
    const known = (await ingestStore.findLeads(tx, { ids: [], emails: [input.data.email] })).length > 0;
    const [upserted] = await upsertLeadsIn(tx, [known ? input.data : { ...input.data, source: input.data.source ?? "website" }], { now });
    if ("refused" in upserted) throw new AppError("VALIDATION", "The visitor's details can't be stored; see details for each trait.", prefixed(upserted.refused));
    const visitor = await trackingStore.ensureVisitor(tx, key.id, message.anonymousId, now);
    const earlier = await trackingStore.visitorEvents(tx, visitor.id);
    const events = [
      ...earlier.map((event) => ({ leadId: upserted.leadId, type: event.type, occurredAt: event.occurredAt.toISOString(), properties: JSON.parse(event.properties), idempotencyKey: `visit:${event.id}` })),
      { leadId: upserted.leadId, type: message.type, occurredAt: at.toISOString(), properties },
    ];
    for (let start = 0; start < events.length; start += MAX_BATCH_EVENTS) {
      const results = await ingestEventsIn(tx, events.slice(start, start + MAX_BATCH_EVENTS), { source: "tracking", idempotencyScope: idempotencyScope(key), now });
      const refused = results.find((result) => result.status === "error");
      if (refused && refused.status === "error") throw refusalError(refused);
    }
    await trackingStore.identify(tx, visitor.id, upserted.leadId, now);
  });
}

/** Field errors of the lead made from traits, named as the sender named them: traits.<field>. */
function prefixed(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`traits.${field}`, message]));
}
