import "server-only";
import { timeOrderedId } from "../store/time-ordered-id";
import type { ErrorCode, FieldErrors } from "../errors";
import { AppError } from "../errors";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import type { EventInput, EventSource } from "@/lib/core/events";
import { MAX_BATCH_EVENTS, MAX_CLOCK_SKEW_MS, eventInputSchema, eventTime } from "@/lib/core/events";
import { namesFromEmail } from "@/lib/core/lead-input";
import { searchTextOf } from "@/lib/core/lead-search";
import { activeRuleSet, scoreAndStoreLeads } from "../scoring/lead-scoring";
import type { NewEventRow, NewLeadRow } from "./ingest-store";
import type { Tx } from "../store/transaction";
import { engine, transaction } from "../store/database";
import { groupedWrites } from "../store/grouped-writes";
import { postgresPool } from "@/lib/env";
import { ingestStore } from "./ingest-store";

export type IngestedEvent = {
  index: number;
  status: "created" | "duplicate";
  eventId: string;
  leadId: string;
  leadCreated: boolean;
  stage: string;
  score: { fit: number; engagement: number; total: number };
  movedTo: string | null;
};
/** An event not stored, and why: an AppError's code, its message, and the problem with each field. */
export type RefusedEvent = {
  index: number;
  status: "error";
  error: { code: Extract<ErrorCode, "VALIDATION" | "NOT_FOUND" | "CONFLICT">; message: string; details?: FieldErrors };
};
export type IngestResult = IngestedEvent | RefusedEvent;

type Accepted = { index: number; eventId: string; leadId: string; leadCreated: boolean; key?: string; fingerprint: string };

function refuse(index: number, code: RefusedEvent["error"]["code"], message: string, details?: FieldErrors): RefusedEvent {
  return { index, status: "error", error: details ? { code, message, details } : { code, message } };
}

/** The refusal as the AppError it stands for, for a caller that answers or throws it. */
export function refusalError(refusal: RefusedEvent): AppError {
  return new AppError(refusal.error.code, refusal.error.message, refusal.error.details);
}

/** What makes two requests "the same event", to tell a retry from a clash of idempotency keys. */
// An event without occurredAt happened "now", which differs on a retry: compare what was sent.
function fingerprintOf(event: EventInput): string {
  const properties = Object.entries(event.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const occurredAt = event.occurredAt ? new Date(event.occurredAt).getTime() : null;
  return JSON.stringify([event.email?.toLowerCase() ?? null, event.leadId ?? null, event.type, occurredAt, properties]);
}

type IngestOptions = { source: EventSource; idempotencyScope?: string; now?: Date };

/**
 * Stores events and re-scores their leads in one transaction: a result is returned (and so
 * acknowledged) only for what is committed. Each item is answered on its own: good items are
 * stored, bad ones say why, and a repeated idempotency key gets the first answer again. Keys
 * are looked up within `idempotencyScope` (by default the source), the sender's own keys.
 * Calls that arrive while earlier ones are being written share the next transaction (below).
 */
export function ingestEvents(items: readonly unknown[], options: IngestOptions): Promise<IngestResult[]> {
  return ingestGrouped({ items, options });
}

type IngestRequest = { items: readonly unknown[]; options: IngestOptions };

const scopeOf = (options: IngestOptions) => options.idempotencyScope ?? options.source;

// Single events from many senders at once each paid for a transaction of their own (on SQLite,
// one after another, each with its commit): grouped, one commit serves all that queued up. A
// group is one sender's (one idempotency scope), so each item is answered as if its call had
// been written alone, after the calls before it. On PostgreSQL, transactions run side by side,
// so several groups are written at once, keeping half the pool for everything else.
const ingestGrouped = groupedWrites<IngestRequest, IngestResult[]>({
  slots: () => (engine() === "sqlite" ? 1 : Math.max(1, Math.floor(postgresPool().size / 2))),
  maxItems: MAX_BATCH_EVENTS,
  itemsOf: (request) => request.items.length,
  compatible: (a, b) =>
    a.options.source === b.options.source && scopeOf(a.options) === scopeOf(b.options) && a.options.now?.getTime() === b.options.now?.getTime(),
  write: async (requests) => {
    const results = await transaction((tx) => ingestEventsIn(tx, requests.flatMap((request) => request.items), requests[0].options), { retryDeadlocks: true });
    let offset = 0;
    return requests.map((request) => {
      const own = results.slice(offset, offset + request.items.length).map((result) => ({ ...result, index: result.index - offset }));
      offset += request.items.length;
      return own;
    });
  },
});

/**
 * ingestEventsIn inside the caller's transaction `tx` (an import's slice). The batch is read and
 * written set by set — its leads, its stored keys, the leads it creates, its leads' events, their
 * scores, its events — so the database sees a few statements per batch, not a few per event.
 */
export async function ingestEventsIn(tx: Tx, items: readonly unknown[], options: IngestOptions): Promise<IngestResult[]> {
  const idempotencyScope = options.idempotencyScope ?? options.source;
  const now = (options.now ?? new Date()).getTime();
  const ruleSet = await activeRuleSet(tx);
  const results: IngestResult[] = new Array(items.length);

  const parsedItems = items.map((raw) => eventInputSchema.safeParse(raw));
  const named = parsedItems.flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const leadIds = named.flatMap((event) => (event.leadId ? [event.leadId] : []));
  const emails = named.flatMap((event) => (event.leadId ? [] : [(event.email ?? "").toLowerCase()]));
  const keys = [...new Set(named.flatMap((event) => (event.idempotencyKey ? [event.idempotencyKey] : [])))];
  await ingestStore.lockForBatch(tx, { leadIds, emails, idempotencyScope, idempotencyKeys: keys });

  const known = await ingestStore.findLeads(tx, { ids: leadIds, emails });
  const leadsById = new Map(known.map((lead) => [lead.id, lead]));
  const leadIdByEmail = new Map(known.map((lead) => [lead.email, lead.id]));
  const storedByKey = new Map((await ingestStore.findEventsByIdempotencyKeys(tx, idempotencyScope, keys)).map((event) => [event.idempotencyKey, event]));

  const newLeads: NewLeadRow[] = [];
  const newEvents: Array<Omit<NewEventRow, "ingestResult">> = [];
  const accepted: Accepted[] = [];
  const keysInBatch = new Map<string, { index: number; fingerprint: string }>();
  const repeatsInBatch: Array<{ index: number; of: number }> = [];

  /** The id of the event's lead (created here for a new e-mail), or null when its leadId names none. */
  const resolveLead = (event: EventInput): { leadId: string; created: boolean } | null => {
    if (event.leadId) return leadsById.has(event.leadId) ? { leadId: event.leadId, created: false } : null;
    const email = (event.email ?? "").toLowerCase();
    const existing = leadIdByEmail.get(email);
    if (existing) return { leadId: existing, created: false };
    const names = namesFromEmail(email);
    const id = timeOrderedId(now);
    newLeads.push({ id, email, ...names, searchText: searchTextOf({ ...names, email }), source: null, now });
    leadIdByEmail.set(email, id);
    return { leadId: id, created: true };
  };

  for (const [index, parsed] of parsedItems.entries()) {
    if (!parsed.success) {
      results[index] = refuse(index, "VALIDATION", "The event is not valid.", fieldErrorsOf(parsed.error));
      continue;
    }
    const event = parsed.data;
    const occurredAt = eventTime(event, new Date(now)).getTime();
    if (occurredAt > now + MAX_CLOCK_SKEW_MS) {
      results[index] = refuse(index, "VALIDATION", "The event is not valid.", { occurredAt: "Lies more than a day in the future." });
      continue;
    }
    const fingerprint = fingerprintOf(event);
    const key = event.idempotencyKey;
    if (key) {
      const clash = () => refuse(index, "CONFLICT", `The idempotency key "${key}" was already used for a different event.`);
      const earlier = keysInBatch.get(key);
      if (earlier) {
        if (earlier.fingerprint === fingerprint) repeatsInBatch.push({ index, of: earlier.index });
        else results[index] = clash();
        continue;
      }
      const stored = storedByKey.get(key);
      if (stored) {
        const first = stored.ingestResult ? (JSON.parse(stored.ingestResult) as { fingerprint: string; result: IngestedEvent }) : null;
        results[index] = first && first.fingerprint === fingerprint ? { ...first.result, index, status: "duplicate" } : clash();
        continue;
      }
    }
    const resolved = resolveLead(event);
    if (!resolved) {
      results[index] = refuse(index, "NOT_FOUND", `No lead has the id "${event.leadId}".`, { leadId: "Unknown lead." });
      continue;
    }
    const eventId = timeOrderedId(now);
    newEvents.push({
      id: eventId,
      leadId: resolved.leadId,
      type: event.type,
      occurredAt,
      properties: JSON.stringify(event.properties ?? {}),
      source: options.source,
      idempotencyScope,
      idempotencyKey: key ?? null,
      now,
    });
    if (key) keysInBatch.set(key, { index, fingerprint });
    accepted.push({ index, eventId, leadId: resolved.leadId, leadCreated: resolved.created, key, fingerprint });
  }

  for (const lead of await ingestStore.insertLeads(tx, newLeads)) leadsById.set(lead.id, lead);
  // Each lead the batch added events to is scored from its stored events and the batch's.
  const touched = [...new Set(accepted.map((item) => item.leadId))];
  const created = new Set(newLeads.map((lead) => lead.id));
  const history = await ingestStore.eventsByLead(
    tx,
    touched.filter((id) => !created.has(id)),
  );
  for (const event of newEvents) {
    const events = history.get(event.leadId);
    if (events) events.push(event);
    else history.set(event.leadId, [event]);
  }
  const scoredLeads = await scoreAndStoreLeads(
    tx,
    touched.map((id) => ({ lead: leadsById.get(id)!, events: history.get(id) ?? [] })),
    ruleSet,
    now,
  );
  const scored = new Map(touched.map((id, position) => [id, scoredLeads[position]]));

  const ingestResults = new Map<string, string>();
  for (const item of accepted) {
    const { result, stage, moved } = scored.get(item.leadId)!;
    const answer: IngestedEvent = {
      index: item.index,
      status: "created",
      eventId: item.eventId,
      leadId: item.leadId,
      leadCreated: item.leadCreated,
      stage,
      score: { fit: result.fit, engagement: result.engagement, total: result.total },
      movedTo: moved?.to ?? null,
    };
    results[item.index] = answer;
    if (item.key) ingestResults.set(item.eventId, JSON.stringify({ fingerprint: item.fingerprint, result: answer }));
  }
  await ingestStore.insertEvents(
    tx,
    newEvents.map((event) => ({ ...event, ingestResult: ingestResults.get(event.id) ?? null })),
  );
  for (const repeat of repeatsInBatch) results[repeat.index] = { ...(results[repeat.of] as IngestedEvent), index: repeat.index, status: "duplicate" };
  return results;
}
