import { expect, test } from "vitest";
import { funnelStore } from "@/lib/server/funnel/funnel-store";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { upsertLeadsIn } from "@/lib/server/ingest/upsert-lead";
import { transaction } from "@/lib/server/store/database";
import { createLead, storedEventCount, storedLead } from "../support/factories";

// A batch is read and written set by set (lib/server/ingest): these check that what one item of
// a batch does is still seen by the items after it.

test("the same e-mail twice in one batch of leads: the later fields win, custom fields merge, one lead", async () => {
  const results = await transaction((tx) =>
    upsertLeadsIn(tx, [
      { email: "twice@example.com", company: "Acme", companySize: 40, customFields: { plan: "basic" } },
      { email: "other@example.com", title: "CTO" },
      { email: "twice@example.com", companySize: 55, customFields: { region: "EMEA" } },
    ]),
  );
  expect(results.map((result) => ("leadId" in result ? result.created : "refused"))).toEqual([true, true, true]);
  expect("leadId" in results[0] && "leadId" in results[2] && results[0].leadId === results[2].leadId).toBe(true);
  const lead = await storedLead({ email: "twice@example.com" });
  expect({ company: lead.company, companySize: lead.companySize, customFields: JSON.parse(lead.customFields) }).toEqual({ company: "Acme", companySize: 55, customFields: { plan: "basic", region: "EMEA" } });
  expect(lead.searchText).toContain("acme");
  expect(lead.scoredAt).not.toBeNull();
  expect((await storedLead({ email: "other@example.com" })).title).toBe("CTO");
});

test("a batch of events creates a new e-mail's lead once, scores every lead from all its events, and answers a repeated key the same", async () => {
  const known = await createLead();
  const results = await ingestEvents(
    [
      { email: "New.Visitor@example.com", type: "page_view" },
      { leadId: known.id, type: "email_open", idempotencyKey: "k-1" },
      { email: "new.visitor@example.com", type: "contact_request" },
      { leadId: known.id, type: "email_open", idempotencyKey: "k-1" },
      { leadId: "no-such-lead", type: "page_view" },
    ],
    { source: "api" },
  );
  expect(results.map((result) => result.status)).toEqual(["created", "created", "created", "duplicate", "error"]);
  const [first, , third] = results;
  if (first.status !== "created" || third.status !== "created") throw new Error("expected stored events");
  expect(first.leadCreated).toBe(true);
  expect(third.leadCreated).toBe(false);
  expect(third.leadId).toBe(first.leadId);
  // Both events of the new lead count in the score each of them answers with.
  expect(first.score).toEqual(third.score);
  const visitor = await storedLead({ id: first.leadId });
  expect(visitor.totalScore).toBe(first.score.total);
  expect(await storedEventCount(first.leadId)).toBe(2);

  const retry = await ingestEvents([{ leadId: known.id, type: "email_open", idempotencyKey: "k-1" }], { source: "api" });
  expect(retry[0]).toEqual({ ...results[1], index: 0, status: "duplicate" });
});

test("a batch's automatic moves go at once, each only if its lead is still at the version the batch read", async () => {
  const [current, changed, third] = [await createLead(), await createLead(), await createLead({ stage: "MQL" })];
  const at = Date.UTC(2026, 11, 7, 12);
  const moved = await transaction((tx) =>
    funnelStore.movesIfUnchanged(
      tx,
      [
        { id: current.id, version: current.version, stage: "MQL", ownerId: null },
        { id: changed.id, version: changed.version - 1, stage: "DISQUALIFIED", ownerId: null },
        { id: third.id, version: third.version, stage: "LEAD", ownerId: null },
      ],
      { returnedAt: "keep", now: at },
    ),
  );
  expect([...moved].sort()).toEqual([current.id, third.id].sort());
  const [afterCurrent, afterChanged, afterThird] = [await storedLead({ id: current.id }), await storedLead({ id: changed.id }), await storedLead({ id: third.id })];
  expect({ stage: afterCurrent.stage, version: afterCurrent.version, enteredAt: afterCurrent.stageEnteredAt.getTime() }).toEqual({ stage: "MQL", version: current.version + 1, enteredAt: at });
  expect({ stage: afterChanged.stage, version: afterChanged.version }).toEqual({ stage: "LEAD", version: changed.version });
  expect(afterThird.stage).toBe("LEAD");
});

test("a score write keeps what did not change and stores what did: an event worth no points moves the last activity, not the score", async () => {
  const lead = await createLead({ totalScore: 0 });
  const [scored] = await ingestEvents([{ leadId: lead.id, type: "contact_request" }], { source: "api" });
  if (scored.status !== "created") throw new Error("expected a stored event");
  const afterScored = await storedLead({ id: lead.id });
  expect(afterScored.totalScore).toBe(scored.score.total);
  expect(afterScored.totalScore).toBeGreaterThan(0);

  const later = new Date(Date.now() + 60_000).toISOString();
  const [unscored] = await ingestEvents([{ leadId: lead.id, type: "worth_no_points", occurredAt: later }], { source: "api" });
  if (unscored.status !== "created") throw new Error("expected a stored event");
  const afterUnscored = await storedLead({ id: lead.id });
  expect(unscored.score.total).toBe(scored.score.total);
  expect(afterUnscored.totalScore).toBe(scored.score.total);
  expect(afterUnscored.lastActivityAt?.toISOString()).toBe(later);
  expect(afterUnscored.updatedAt.getTime()).toBeGreaterThanOrEqual(afterScored.updatedAt.getTime());
});
