import "server-only";
import type { EventRow } from "../ingest/ingest-store";
import { postgresRows } from "../store/postgres-sql";
import type { LabLeadRow, LabStore, LabTransitionRow } from "./lab-store";

/* Whole-table reads for the scoring lab on PostgreSQL: every lead, stage entry and event, once. */

// The driver holds a statement's whole result before handing over any row, so events are read in
// pages along the primary key: a page at a time is held, never the table beside what the lab keeps.
const EVENT_PAGE_ROWS = 5_000;

export const postgresLabStore: LabStore = {
  leads: (q) =>
    postgresRows<LabLeadRow>(q, {
      text: `SELECT id, email, title, seniority, company, "companySize", "annualRevenue", industry, country, website, source, "customFields", "createdAt" FROM "Lead"`,
    }),
  transitions: (q) => postgresRows<LabTransitionRow>(q, { text: `SELECT "leadId", "toStage", "createdAt" AS at FROM "StageTransition"` }),
  async eachEvent(q, visit) {
    let after = "";
    for (;;) {
      const page = await postgresRows<EventRow>(q, {
        name: "lab_event_page",
        text: `SELECT id, "leadId", type, "occurredAt", properties FROM "Event" WHERE id > $1 ORDER BY id LIMIT $2`,
        values: [after, EVENT_PAGE_ROWS],
      });
      for (const row of page) visit(row);
      if (page.length < EVENT_PAGE_ROWS) return;
      after = page[page.length - 1].id;
    }
  },
};
