import "server-only";
import { timeOrderedId } from "../store/time-ordered-id";
import type { ErrorCode, FieldErrors } from "../errors";
import { AppError } from "../errors";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import type { EventInput, EventSource } from "@/lib/core/events";
import { MAX_CLOCK_SKEW_MS, eventInputSchema, eventTime } from "@/lib/core/events";
import { namesFromEmail } from "@/lib/core/lead-input";
import { searchTextOf } from "@/lib/core/lead-search";
import type { ScoredLead } from "../scoring/lead-scoring";
import { activeRuleSet, scoreAndStore } from "../scoring/lead-scoring";
import type { LeadRow } from "./ingest-store";
import type { Tx } from "../store/transaction";
import { transaction } from "../store/database";
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
 */
export function ingestEvents(items: readonly unknown[], options: IngestOptions): Promise<IngestResult[]> {
  return transaction((tx) => ingestEventsIn(tx, items, options), { retryDeadlocks: true });
}

/** ingestEvents inside the caller's transaction `tx` (an import's slice). */
export async function ingestEventsIn(tx: Tx, items: readonly unknown[], options: IngestOptions): Promise<IngestResult[]> {
  const idempotencyScope = options.idempotencyScope ?? options.source;
  const now = (options.now ?? new Date()).getTime();
  const ruleSet = await activeRuleSet(tx);
  const results: IngestResult[] = new Array(items.length);
  const accepted: Accepted[] = [];
  const leads = new Map<string, LeadRow>();
  const leadsByEmail = new Map<string, LeadRow>();
  const keysInBatch = new Map<string, { index: number; fingerprint: string }>();
  const repeatsInBatch: Array<{ index: number; of: number }> = [];

  const resolveLead = async (event: EventInput): Promise<{ lead: LeadRow; created: boolean } | null> => {
    if (event.leadId) {
      const lead = leads.get(event.leadId) ?? (await ingestStore.findLeadById(tx, event.leadId));
      return lead ? { lead, created: false } : null;
    }
    const email = (event.email ?? "").toLowerCase();
    const existing = leadsByEmail.get(email) ?? (await ingestStore.findLeadByEmail(tx, email));
    if (existing) return { lead: existing, created: false };
    const names = namesFromEmail(email);
    const id = timeOrderedId(now);
    await ingestStore.insertLead(tx, { id, email, ...names, searchText: searchTextOf({ ...names, email }), source: null, now });
    return { lead: (await ingestStore.findLeadById(tx, id))!, created: true };
  };

  const parsedItems = items.map((raw) => eventInputSchema.safeParse(raw));
  const named = parsedItems.flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  await ingestStore.lockForBatch(tx, {
    leadIds: named.flatMap((event) => (event.leadId ? [event.leadId] : [])),
    emails: named.flatMap((event) => (event.leadId ? [] : [(event.email ?? "").toLowerCase()])),
    idempotencyScope,
    idempotencyKeys: named.flatMap((event) => (event.idempotencyKey ? [event.idempotencyKey] : [])),
  });

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
      const stored = await ingestStore.findEventByIdempotencyKey(tx, idempotencyScope, key);
      if (stored) {
        const first = stored.ingestResult ? (JSON.parse(stored.ingestResult) as { fingerprint: string; result: IngestedEvent }) : null;
        results[index] = first && first.fingerprint === fingerprint ? { ...first.result, index, status: "duplicate" } : clash();
        continue;
      }
    }
    const resolved = await resolveLead(event);
    if (!resolved) {
      results[index] = refuse(index, "NOT_FOUND", `No lead has the id "${event.leadId}".`, { leadId: "Unknown lead." });
      continue;
    }
    leads.set(resolved.lead.id, resolved.lead);
    leadsByEmail.set(resolved.lead.email, resolved.lead);
    const eventId = timeOrderedId(now);
    await ingestStore.insertEvent(tx, {
      id: eventId,
      leadId: resolved.lead.id,
      type: event.type,
      occurredAt,
      properties: JSON.stringify(event.properties ?? {}),
      source: options.source,
      idempotencyScope,
      idempotencyKey: key ?? null,
      now,
    });
    if (key) keysInBatch.set(key, { index, fingerprint });
    accepted.push({ index, eventId, leadId: resolved.lead.id, leadCreated: resolved.created, key, fingerprint });
  }

  const history = await ingestStore.eventsByLead(tx, [...leads.keys()]);
  const scored = new Map<string, ScoredLead>();
  for (const [leadId, lead] of leads) scored.set(leadId, await scoreAndStore(tx, lead, history.get(leadId) ?? [], ruleSet, now));

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
    if (item.key) await ingestStore.setEventIngestResult(tx, item.eventId, JSON.stringify({ fingerprint: item.fingerprint, result: answer }));
  }
  for (const repeat of repeatsInBatch) results[repeat.index] = { ...(results[repeat.of] as IngestedEvent), index: repeat.index, status: "duplicate" };
  return results;
}
