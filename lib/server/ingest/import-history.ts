import "server-only";
import type { HistoryRecord } from "@/lib/core/history/history-record";
import { IMPORTED_MOVE, checkHistoryRecord, finalStage } from "@/lib/core/history/history-record";
import type { ActiveRuleSet } from "@/lib/views/scoring";
import { IMPORT_SCOPE, importedEventKey } from "./event-key";
import { activeRuleSet, scoreAndStoreLeads } from "../scoring/lead-scoring";
import { historyStore, transitionKey } from "./history-store";
import { transaction } from "../store/database";
import type { NewEventRow } from "./ingest-store";
import { ingestStore } from "./ingest-store";
import type { Tx } from "../store/transaction";
import { inSavepoint } from "../store/transaction";
import { timeOrderedId } from "../store/time-ordered-id";
import { AppError } from "../errors";
import { storeLeadInput } from "./upsert-lead";

export type HistoryResult =
  | { index: number; status: "created" | "updated"; leadId: string; events: { stored: number; alreadyKnown: number }; stages: { stored: number; alreadyKnown: number } }
  | { index: number; status: "error"; errors: Array<{ field: string; message: string }> };

/**
 * Imports past leads with their events and stage history, all records in one transaction and
 * each record in a savepoint of its own: a record is stored whole or, with the reason per
 * field, not at all. The past fires nothing: no routing, no automatic MQL or disqualification,
 * no SLA clock. Leads are matched by e-mail, events and stage entries by content, so sending
 * the same records again stores nothing new.
 */
export function importHistory(items: readonly unknown[], options: { now?: Date } = {}): Promise<HistoryResult[]> {
  return transaction((tx) => importHistoryIn(tx, items, options));
}

/** importHistory inside the caller's transaction `tx` (a history file's slice). */
export async function importHistoryIn(tx: Tx, items: readonly unknown[], options: { now?: Date } = {}): Promise<HistoryResult[]> {
  const now = (options.now ?? new Date()).getTime();
  const checked = items.map((item) => checkHistoryRecord(item, now));
  const ruleSet = await activeRuleSet(tx);
  const results: HistoryResult[] = [];
  for (const [index, check] of checked.entries()) {
    if (!check.ok) {
      results.push({ index, status: "error", errors: check.errors });
      continue;
    }
    try {
      results.push({ index, ...(await inSavepoint(tx, () => importRecord(tx, check.record, ruleSet, now))) });
    } catch (error) {
      // A record valid on its own can still be refused for what it would make of the stored lead.
      if (!(error instanceof AppError && error.code === "VALIDATION" && error.fieldErrors)) throw error;
      results.push({ index, status: "error", errors: Object.entries(error.fieldErrors).map(([field, message]) => ({ field: `lead.${field}`, message })) });
    }
  }
  return results;
}

async function importRecord(tx: Tx, record: HistoryRecord, ruleSet: ActiveRuleSet, now: number) {
  const { leadId, created } = await storeLeadInput(tx, record.lead, now);
  await historyStore.backdateLead(tx, leadId, record.createdAt);
  const keyed = record.events.map((event) => ({
    event,
    key: importedEventKey({ email: record.lead.email, type: event.type, occurredAt: new Date(event.occurredAt).toISOString(), properties: event.properties }),
  }));
  // The keys name the lead's e-mail, whose lead storeLeadInput holds locked: no one else stores them meanwhile.
  const storedKeys = new Set((await ingestStore.findEventsByIdempotencyKeys(tx, IMPORT_SCOPE, [...new Set(keyed.map(({ key }) => key))])).map((event) => event.idempotencyKey));
  const newEvents: NewEventRow[] = [];
  for (const { event, key } of keyed) {
    // The same event twice in one record is stored once, as it would be sent twice.
    if (storedKeys.has(key)) continue;
    storedKeys.add(key);
    newEvents.push({ id: timeOrderedId(now), leadId, type: event.type, occurredAt: event.occurredAt, properties: JSON.stringify(event.properties), source: "import", idempotencyScope: IMPORT_SCOPE, idempotencyKey: key, ingestResult: null, now });
  }
  await ingestStore.insertEvents(tx, newEvents);
  const events = { stored: newEvents.length, alreadyKnown: record.events.length - newEvents.length };
  const stages = { stored: 0, alreadyKnown: 0 };
  const known = await historyStore.transitionKeys(tx, leadId);
  let fromStage = "LEAD";
  for (const entry of record.stages) {
    if (known.has(transitionKey(entry.stage, entry.at))) stages.alreadyKnown += 1;
    else {
      await historyStore.insertTransition(tx, { id: timeOrderedId(entry.at), leadId, fromStage, toStage: entry.stage, move: IMPORTED_MOVE[entry.stage], reason: entry.reason ?? "Imported history", at: entry.at });
      stages.stored += 1;
    }
    fromStage = entry.stage;
  }
  if (record.stages.length > 0) {
    const { stage, at } = finalStage(record);
    await historyStore.moveToImportedStage(tx, { leadId, stage, at, now });
  }
  const lead = (await ingestStore.findLeadById(tx, leadId))!;
  await scoreAndStoreLeads(tx, [{ lead, events: await ingestStore.eventsForLeads(tx, [leadId]) }], ruleSet, now, { automaticMoves: false });
  return { status: created ? ("created" as const) : ("updated" as const), leadId, events, stages };
}
