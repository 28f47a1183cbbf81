import "server-only";
import type { EventRow, LeadRow } from "../ingest/ingest-store";
import { perEngine } from "../store/per-engine";
import { sqliteConnection } from "../store/sqlite-transaction";
import type { Queryable } from "../store/transaction";
import { postgresLabStore } from "./postgres-lab-store";

/* Whole-table reads for the scoring lab: every lead, stage entry and event, once. */

/** A lead's attributes as scoring reads them, with when it was created. */
export type LabLeadRow = Pick<
  LeadRow,
  "id" | "email" | "title" | "seniority" | "company" | "companySize" | "annualRevenue" | "industry" | "country" | "website" | "source" | "customFields"
> & { createdAt: number };

/** A stage a lead entered, and when. */
export type LabTransitionRow = { leadId: string; toStage: string; at: number };

/** The history the scoring lab learns from and backtests on: every lead, stage entry and event. */
export interface LabStore {
  leads(q: Queryable): Promise<LabLeadRow[]>;
  transitions(q: Queryable): Promise<LabTransitionRow[]>;
  /**
   * Every event, in one pass over the table: cheaper than a lookup per lead when most leads are
   * wanted. Rows are handed to `visit` one at a time, so a million of them are never held at once.
   */
  eachEvent(q: Queryable, visit: (row: EventRow) => void): Promise<void>;
}

const sqliteLabStore: LabStore = {
  async leads(q) {
    return sqliteConnection(q)
      .prepare<[], LabLeadRow>(
        `SELECT id, email, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields, createdAt FROM "Lead"`,
      )
      .all();
  },
  async transitions(q) {
    return sqliteConnection(q).prepare<[], LabTransitionRow>(`SELECT leadId, toStage, createdAt AS at FROM "StageTransition"`).all();
  },
  async eachEvent(q, visit) {
    for (const row of sqliteConnection(q).prepare<[], EventRow>(`SELECT id, leadId, type, occurredAt, properties FROM "Event"`).iterate()) visit(row);
  },
};

export const labStore: LabStore = perEngine({ sqlite: sqliteLabStore, postgres: postgresLabStore });
