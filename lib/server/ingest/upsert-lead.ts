import "server-only";
import { timeOrderedId } from "../store/time-ordered-id";
import type { EventSource } from "@/lib/core/events";
import { MAX_BATCH_EVENTS } from "@/lib/core/events";
import type { LeadInput } from "@/lib/core/lead-input";
import { customFieldsProblem, namesFromEmail } from "@/lib/core/lead-input";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import { searchTextOf } from "@/lib/core/lead-search";
import { activeRuleSet, scoreAndStoreLeads } from "../scoring/lead-scoring";
import type { LeadFields, LeadRow, NewLeadRow } from "./ingest-store";
import { transaction } from "../store/database";
import { ingestStore } from "./ingest-store";
import { ingestEventsIn, refusalError } from "./ingest-events";
import type { Tx } from "../store/transaction";

/**
 * Creates a lead, or updates the one with the same e-mail: given fields are written (null
 * clears one), others stay, custom fields are merged. The lead is re-scored, since its fit may
 * have changed, in the same transaction.
 */
export async function upsertLead(input: LeadInput, options: { now?: Date } = {}): Promise<UpsertedLead> {
  const [result] = await transaction((tx) => upsertLeadsIn(tx, [input], options));
  if ("refused" in result) throw new AppError("VALIDATION", "The lead can't be stored; see details for each field.", result.refused);
  return result;
}

export type UpsertedLead = { leadId: string; created: boolean };
/** A lead whose input is valid on its own but not with what is stored (see storeLeadInput). */
export type RefusedLead = { refused: FieldErrors };

/**
 * Many leads in the caller's transaction (a CSV import's slice): all are written, or none if the
 * database fails; a lead refused for what it would become is left as it was, and the others are
 * written, then scored together.
 */
export async function upsertLeadsIn(tx: Tx, inputs: readonly LeadInput[], options: { now?: Date } = {}): Promise<Array<UpsertedLead | RefusedLead>> {
  const now = (options.now ?? new Date()).getTime();
  const ruleSet = await activeRuleSet(tx);
  const results = await storeLeadInputs(tx, inputs, now);
  const leadIds = [...new Set(results.flatMap((result) => ("leadId" in result ? [result.leadId] : [])))];
  const leads = new Map((await ingestStore.findLeads(tx, { ids: leadIds, emails: [] })).map((lead) => [lead.id, lead]));
  const events = await ingestStore.eventsByLead(tx, leadIds);
  // In the inputs' order, which routing follows when the scores make MQLs.
  await scoreAndStoreLeads(
    tx,
    leadIds.map((id) => ({ lead: leads.get(id)!, events: events.get(id) ?? [] })),
    ruleSet,
    now,
  );
  return results;
}

/**
 * Writes a lead's attributes, creating it when its e-mail is new, without scoring it: for
 * callers that score it themselves once they have stored more (a history import). Throws a
 * VALIDATION error naming customFields, before writing anything, when the merged custom fields
 * would be too many or too big.
 */
export async function storeLeadInput(tx: Tx, input: LeadInput, now: number): Promise<UpsertedLead> {
  const [result] = await storeLeadInputs(tx, [input], now);
  if ("refused" in result) throw new AppError("VALIDATION", result.refused.customFields ?? "The lead can't be stored.", result.refused);
  return result;
}

type Attributes = Pick<LeadRow, "firstName" | "lastName" | "company" | "customFields">;

/**
 * Writes each input's attributes in order, creating the leads whose e-mails are new: given fields
 * are written (null clears one), others stay, custom fields are merged. An input whose merged
 * custom fields would be too many or too big is refused and writes nothing.
 */
async function storeLeadInputs(tx: Tx, inputs: readonly LeadInput[], now: number): Promise<Array<UpsertedLead | RefusedLead>> {
  const emails = [...new Set(inputs.map((input) => input.email))];
  await ingestStore.lockForBatch(tx, { leadIds: [], emails, idempotencyScope: "", idempotencyKeys: [] });
  // Each e-mail's lead as the inputs so far leave it, so a later input for it builds on an earlier one.
  const current = new Map<string, { id: string; created: boolean; attributes: Attributes }>();
  for (const lead of await ingestStore.findLeads(tx, { ids: [], emails })) current.set(lead.email, { id: lead.id, created: false, attributes: lead });
  const newLeads: NewLeadRow[] = [];
  // One write per lead: a later input's fields over an earlier one's.
  const writes = new Map<string, LeadFields>();
  const results: Array<UpsertedLead | RefusedLead> = [];
  for (const input of inputs) {
    const { email, customFields, ...attributes } = input;
    let lead = current.get(email);
    const fields: LeadFields = { ...attributes };
    if (customFields) {
      const merged = { ...(lead ? (JSON.parse(lead.attributes.customFields) as Record<string, unknown>) : {}), ...customFields };
      const problem = customFieldsProblem(merged);
      if (problem) {
        results.push({ refused: { customFields: problem } });
        continue;
      }
      fields.customFields = JSON.stringify(merged);
    }
    if (!lead) {
      const names = namesFromEmail(email);
      lead = { id: timeOrderedId(now), created: true, attributes: { ...names, company: null, customFields: "{}" } };
      newLeads.push({ id: lead.id, email, ...names, searchText: searchTextOf({ ...names, email }), source: null, now });
      current.set(email, lead);
    }
    // Names can't be cleared: a lead always has something to be called by.
    if (fields.firstName === null) delete fields.firstName;
    if (fields.lastName === null) delete fields.lastName;
    const before = lead.attributes;
    const after: Attributes = {
      firstName: input.firstName ?? before.firstName,
      lastName: input.lastName ?? before.lastName,
      company: input.company === undefined ? before.company : input.company,
      customFields: (fields.customFields as string | undefined) ?? before.customFields,
    };
    fields.searchText = searchTextOf({ ...after, email });
    lead.attributes = after;
    writes.set(lead.id, { ...writes.get(lead.id), ...fields });
    results.push({ leadId: lead.id, created: lead.created });
  }
  await ingestStore.insertLeads(tx, newLeads);
  await ingestStore.writeLeadFields(
    tx,
    [...writes].map(([id, fields]) => ({ id, fields })),
    now,
  );
  return results;
}

/**
 * Makes or updates a lead and stores events for it, in one transaction (the website's identify:
 * the visitor's earlier page views become the lead's). A new lead gets `newSource`; `eventsFor`
 * reads, inside the transaction, the events to add; `then` runs last in it. A lead refused for
 * what it would become is answered with its field errors and nothing is written; a refused event
 * throws, undoing it all.
 */
export async function upsertLeadWithEvents(
  input: LeadInput,
  options: { newSource: string; source: EventSource; idempotencyScope: string; now: Date },
  eventsFor: (tx: Tx, leadId: string) => Promise<unknown[]>,
  then: (tx: Tx, leadId: string) => Promise<void>,
): Promise<UpsertedLead | RefusedLead> {
  return transaction(async (tx) => {
    const known = (await ingestStore.findLeads(tx, { ids: [], emails: [input.email] })).length > 0;
    const [upserted] = await upsertLeadsIn(tx, [known ? input : { ...input, source: input.source ?? options.newSource }], { now: options.now });
    if ("refused" in upserted) return upserted;
    const events = await eventsFor(tx, upserted.leadId);
    for (let start = 0; start < events.length; start += MAX_BATCH_EVENTS) {
      const results = await ingestEventsIn(tx, events.slice(start, start + MAX_BATCH_EVENTS), { source: options.source, idempotencyScope: options.idempotencyScope, now: options.now });
      const refused = results.find((result) => result.status === "error");
      if (refused?.status === "error") throw refusalError(refused);
    }
    await then(tx, upserted.leadId);
    return upserted;
  });
}
