import "server-only";
import type { EventRow, LeadRow } from "./sqlite-store";
import { sqliteReadConnection } from "./sqlite-store";

/* Whole-table reads for the scoring lab (SQLite dialect): every lead, stage entry and event, once. */

/** A lead's attributes as scoring reads them, with when it was created. */
export type LabLeadRow = Pick<
  LeadRow,
  "id" | "email" | "title" | "seniority" | "company" | "companySize" | "annualRevenue" | "industry" | "country" | "website" | "source" | "customFields"
> & { createdAt: number };

export function labLeadRows(): LabLeadRow[] {
  return sqliteReadConnection()
    .prepare<[], LabLeadRow>(
      `SELECT id, email, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields, createdAt FROM "Lead"`,
    )
    .all();
}

export function labTransitionRows(): Array<{ leadId: string; toStage: string; at: number }> {
  return sqliteReadConnection().prepare<[], { leadId: string; toStage: string; at: number }>(`SELECT leadId, toStage, createdAt AS at FROM "StageTransition"`).all();
}

/**
 * Every event, in one pass over the table: cheaper than a lookup per lead when most leads are
 * wanted. Rows are handed over one at a time, so a million of them are never held at once.
 */
export function eachEventRow(visit: (row: EventRow) => void): void {
  for (const row of sqliteReadConnection().prepare<[], EventRow>(`SELECT id, leadId, type, occurredAt, properties FROM "Event"`).iterate()) visit(row);
}
