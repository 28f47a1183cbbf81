import "server-only";
import { timeOrderedId } from "./time-ordered-id";
import type { LeadInput } from "@/lib/core/lead-input";
import { namesFromEmail } from "@/lib/core/lead-input";
import { searchTextOf } from "@/lib/core/lead-search";
import type { ActiveRuleSet } from "./lead-scoring";
import { activeRuleSet, scoreAndStore } from "./lead-scoring";
import type { LeadFields } from "./sql/sqlite-store";
import { eventsForLeads, findLeadByEmail, findLeadById, inWriteTransaction, insertLead, writeLeadFields } from "./sql/sqlite-store";

/**
 * Creates a lead, or updates the one with the same e-mail: given fields are written (null
 * clears one), others stay, custom fields are merged. The lead is re-scored, since its fit may
 * have changed, in the same transaction.
 */
export function upsertLead(input: LeadInput, options: { now?: Date } = {}): UpsertedLead {
  return upsertLeads([input], options)[0];
}

export type UpsertedLead = { leadId: string; created: boolean };

/** Many leads in one transaction (CSV import): all are written, or none. */
export function upsertLeads(inputs: readonly LeadInput[], options: { now?: Date } = {}): UpsertedLead[] {
  const now = (options.now ?? new Date()).getTime();
  return inWriteTransaction(() => {
    const ruleSet = activeRuleSet();
    return inputs.map((input) => writeLead(input, ruleSet, now));
  });
}

function writeLead(input: LeadInput, ruleSet: ActiveRuleSet, now: number): UpsertedLead {
  const written = storeLeadInput(input, now);
  scoreAndStore(findLeadById(written.leadId)!, eventsForLeads([written.leadId]), ruleSet, now);
  return written;
}

/**
 * Writes a lead's attributes, creating it when its e-mail is new, without scoring it: for
 * callers that score it themselves once they have stored more (a history import).
 */
export function storeLeadInput(input: LeadInput, now: number): UpsertedLead {
  const existing = findLeadByEmail(input.email);
  const id = existing?.id ?? timeOrderedId(now);
  if (!existing) {
    const names = namesFromEmail(input.email);
    insertLead({ id, email: input.email, ...names, searchText: searchTextOf({ ...names, email: input.email }), source: null, now });
  }
  const { email, customFields, ...attributes } = input;
  const fields: LeadFields = { ...attributes };
  if (customFields) {
    const stored = existing ? (JSON.parse(existing.customFields) as Record<string, unknown>) : {};
    fields.customFields = JSON.stringify({ ...stored, ...customFields });
  }
  // Names can't be cleared: a lead always has something to be called by.
  if (fields.firstName === null) delete fields.firstName;
  if (fields.lastName === null) delete fields.lastName;
  const before = findLeadById(id)!;
  fields.searchText = searchTextOf({
    firstName: input.firstName ?? before.firstName,
    lastName: input.lastName ?? before.lastName,
    email,
    company: input.company === undefined ? before.company : input.company,
  });
  writeLeadFields(id, fields, now);
  return { leadId: id, created: !existing };
}
