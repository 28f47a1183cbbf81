import "server-only";
import { timeOrderedId } from "../store/time-ordered-id";
import type { LeadInput } from "@/lib/core/lead-input";
import { customFieldsProblem, namesFromEmail } from "@/lib/core/lead-input";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import { searchTextOf } from "@/lib/core/lead-search";
import type { ActiveRuleSet } from "@/lib/views/scoring";
import { activeRuleSet, scoreAndStore } from "../scoring/lead-scoring";
import type { LeadFields } from "./ingest-store";
import { transaction } from "../store/database";
import { ingestStore } from "./ingest-store";
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
 * database fails; a lead refused for what it would become is left as it was, and the others are written.
 */
export async function upsertLeadsIn(tx: Tx, inputs: readonly LeadInput[], options: { now?: Date } = {}): Promise<Array<UpsertedLead | RefusedLead>> {
  const now = (options.now ?? new Date()).getTime();
  const ruleSet = await activeRuleSet(tx);
  const results: Array<UpsertedLead | RefusedLead> = [];
  for (const input of inputs) {
    try {
      results.push(await writeLead(tx, input, ruleSet, now));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION" && error.fieldErrors)) throw error;
      results.push({ refused: error.fieldErrors });
    }
  }
  return results;
}

async function writeLead(tx: Tx, input: LeadInput, ruleSet: ActiveRuleSet, now: number): Promise<UpsertedLead> {
  const written = await storeLeadInput(tx, input, now);
  await scoreAndStore(tx, (await ingestStore.findLeadById(tx, written.leadId))!, await ingestStore.eventsForLeads(tx, [written.leadId]), ruleSet, now);
  return written;
}

/**
 * Writes a lead's attributes, creating it when its e-mail is new, without scoring it: for
 * callers that score it themselves once they have stored more (a history import). Throws a
 * VALIDATION error naming customFields, before writing anything, when the merged custom fields
 * would be too many or too big.
 */
export async function storeLeadInput(tx: Tx, input: LeadInput, now: number): Promise<UpsertedLead> {
  const existing = await ingestStore.findLeadByEmail(tx, input.email);
  const { email, customFields, ...attributes } = input;
  const fields: LeadFields = { ...attributes };
  if (customFields) {
    const merged = { ...(existing ? (JSON.parse(existing.customFields) as Record<string, unknown>) : {}), ...customFields };
    const problem = customFieldsProblem(merged);
    if (problem) throw new AppError("VALIDATION", problem, { customFields: problem });
    fields.customFields = JSON.stringify(merged);
  }
  const id = existing?.id ?? timeOrderedId(now);
  if (!existing) {
    const names = namesFromEmail(input.email);
    await ingestStore.insertLead(tx, { id, email: input.email, ...names, searchText: searchTextOf({ ...names, email: input.email }), source: null, now });
  }
  // Names can't be cleared: a lead always has something to be called by.
  if (fields.firstName === null) delete fields.firstName;
  if (fields.lastName === null) delete fields.lastName;
  const before = (await ingestStore.findLeadById(tx, id))!;
  fields.searchText = searchTextOf({
    firstName: input.firstName ?? before.firstName,
    lastName: input.lastName ?? before.lastName,
    email,
    company: input.company === undefined ? before.company : input.company,
  });
  await ingestStore.writeLeadFields(tx, id, fields, now);
  return { leadId: id, created: !existing };
}
