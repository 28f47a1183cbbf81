import { describe, expect, test } from "vitest";
import { groupedWrites } from "@/lib/server/store/grouped-writes";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { db } from "@/lib/server/store/db";
import { createLead } from "../support/factories";

type Input = { name: string; items: number; sender: string; fails?: boolean };

/** groupedWrites over a write that records each group it was given and answers each input's name. */
function recordedWrites(slots = 1) {
  const groups: string[][] = [];
  const log: string[] = [];
  const write = groupedWrites<Input, string>({
    slots: () => slots,
    maxItems: 10,
    itemsOf: (input) => input.items,
    compatible: (a, b) => a.sender === b.sender,
    write: async (inputs) => {
      const names = inputs.map((input) => input.name);
      groups.push(names);
      log.push(`start ${names}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${names}`);
      if (inputs.some((input) => input.fails)) throw new Error(`failed: ${names}`);
      return inputs.map((input) => `done ${input.name}`);
    },
  });
  return { groups, log, write };
}

const oneMillisecond = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("groupedWrites", () => {
  test("the calls of one turn of the event loop share a write; calls made while it runs share the next", async () => {
    const { groups, write } = recordedWrites();
    const first = ["a", "b"].map((name) => write({ name, items: 1, sender: "x" }));
    await oneMillisecond();
    const later = ["c", "d"].map((name) => write({ name, items: 1, sender: "x" }));
    expect(await Promise.all([...first, ...later])).toEqual(["done a", "done b", "done c", "done d"]);
    expect(groups).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  test("a group holds one sender's calls up to the item limit, in arrival order", async () => {
    const { groups, write } = recordedWrites();
    await Promise.all([
      write({ name: "first", items: 1, sender: "x" }),
      write({ name: "x1", items: 6, sender: "x" }),
      write({ name: "y1", items: 1, sender: "y" }),
      write({ name: "x2", items: 3, sender: "x" }),
      write({ name: "x3", items: 2, sender: "x" }),
      write({ name: "y2", items: 1, sender: "y" }),
    ]);
    expect(groups).toEqual([["first", "x1", "x2"], ["y1", "y2"], ["x3"]]);
  });

  test("when a shared write fails, each call is written alone and only the failing one fails", async () => {
    const { groups, write } = recordedWrites();
    const outcomes = await Promise.allSettled(["a", "b", "bad", "c"].map((name) => write({ name, items: 1, sender: "x", fails: name === "bad" })));
    expect(outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : String(outcome.reason)))).toEqual(["done a", "done b", "Error: failed: bad", "done c"]);
    expect(groups).toEqual([["a", "b", "bad", "c"], ["a"], ["b"], ["bad"], ["c"]]);
  });

  test("with two slots, two groups are written at once", async () => {
    const { log, write } = recordedWrites(2);
    await Promise.all(["a", "b", "c"].map((name) => write({ name, items: 6, sender: "x" })));
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
    expect(log).toHaveLength(6);
  });
});

describe("events sent at once", () => {
  test("each call is answered for its own events, with its own indexes", async () => {
    const leads = await Promise.all(Array.from({ length: 8 }, () => createLead()));
    const calls = leads.map((lead, position) => [
      ...(position % 2 === 0 ? [{ leadId: lead.id, type: "" }] : []),
      { leadId: lead.id, type: "page_view" },
    ]);
    const answers = await Promise.all(calls.map((items) => ingestEvents(items, { source: "api" })));
    answers.forEach((results, position) => {
      const ok = results.at(-1)!;
      expect(ok).toMatchObject({ index: results.length - 1, status: "created", leadId: leads[position].id });
      if (position % 2 === 0) expect(results[0]).toMatchObject({ index: 0, status: "error", error: { code: "VALIDATION" } });
    });
    for (const lead of leads) expect(await db.event.count({ where: { leadId: lead.id } })).toBe(1);
  });

  test("one sender's key sent twice at once: one is stored, the same event again is a duplicate, another event a conflict", async () => {
    const lead = await createLead();
    const event = (type: string) => ({ leadId: lead.id, type, idempotencyKey: "order-1" });
    const options = { source: "api", idempotencyScope: "key:one" } as const;
    const [[first], [again], [clash]] = await Promise.all([
      ingestEvents([event("page_view")], options),
      ingestEvents([event("page_view")], options),
      ingestEvents([event("email_open")], options),
    ]);
    expect(first).toMatchObject({ index: 0, status: "created" });
    expect(again).toMatchObject({ index: 0, status: "duplicate", eventId: first.status === "created" ? first.eventId : "" });
    expect(clash).toMatchObject({ index: 0, status: "error", error: { code: "CONFLICT" } });
    expect(await db.event.count({ where: { leadId: lead.id } })).toBe(1);
  });

  test("the same key from two senders at once is two events", async () => {
    const lead = await createLead();
    const event = { leadId: lead.id, type: "page_view", idempotencyKey: "shared-key" };
    const answers = await Promise.all(["key:one", "key:two", "key:one", "key:two"].map((scope) => ingestEvents([event], { source: "api", idempotencyScope: scope })));
    expect(answers.map(([result]) => result.status).sort()).toEqual(["created", "created", "duplicate", "duplicate"]);
    expect(await db.event.count({ where: { leadId: lead.id } })).toBe(2);
  });
});
