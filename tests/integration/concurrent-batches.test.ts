import { expect, test } from "vitest";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { db } from "@/lib/server/store/db";
import { createLead } from "../support/factories";

// Event batches arriving at once that name the same leads in a different order. On PostgreSQL
// their transactions run side by side and lock those leads in opposite orders, a deadlock the
// server ends by failing one; ingestion runs it again (lib/server/store/database.ts), so every
// event is stored and scored.

test("batches naming the same leads in opposite orders are all stored", async () => {
  const leads = await Promise.all(Array.from({ length: 6 }, () => createLead()));
  const forward = leads.map((lead) => ({ leadId: lead.id, type: "page_view" }));
  const backward = [...forward].reverse();
  const rounds = 5;
  for (let round = 0; round < rounds; round++) {
    const results = await Promise.all([forward, backward, forward, backward].map((batch) => ingestEvents(batch, { source: "api" })));
    for (const batch of results) expect(batch.map((result) => result.status)).toEqual(Array(leads.length).fill("created"));
  }
  expect(await db.event.count()).toBe(rounds * 4 * leads.length);
});
