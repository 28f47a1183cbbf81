import { describe, expect, test } from "vitest";
import type { LeadAttributes, ScoringEvent } from "../scoring/types";
import type { FeatureSource } from "./features";
import { columnsOf, featurize, learnFeatureSpec, levelOf, minimumSupport, quantileEdges } from "./features";
import { DAY_MS } from "../time";
import { day } from "./test-history";

const NOW = day(100);
const event = (type: string, at: number, properties: Record<string, unknown> = {}): ScoringEvent => ({ id: `${type}-${at}`, type, occurredAt: new Date(at), properties });

/*
 * Thirty training leads, so a level, event type or property needs 10 leads (minimumSupport(30) = 10):
 *  industry: Software ×12 (spelled three ways), Retail ×10, Aerospace ×3 (too rare), empty ×5
 *  source: ads ×10 (just enough), webinar ×9 (one short), empty ×11
 *  e-mail domain: acme.example ×20, beta.example ×10
 *  company size: 1 … 25 on the first 25, empty on 5 · annual revenue on 5 only (too few to bin)
 *  custom plan: free / pro alternating (15 each) · custom seats: "0", "10", … "290" (numbers as text)
 *  custom note: text on 3 leads (no level common enough)
 *  demo_request on the first 10 with { seats: 5, plan: "pro" }, the first 9 also { budget: 1000 };
 *  webinar_attended on 3 leads.
 */
const training: FeatureSource[] = Array.from({ length: 30 }, (_, i) => {
  const attributes: LeadAttributes = {
    email: `lead${i}@${i < 20 ? "acme" : "beta"}.example`,
    industry: i < 12 ? ["Software", " software ", "SOFTWARE"][i % 3] : i < 22 ? "Retail" : i < 25 ? "Aerospace" : null,
    source: i < 10 ? "ads" : i < 19 ? "webinar" : null,
    companySize: i < 25 ? i + 1 : null,
    annualRevenue: i < 5 ? 1_000_000 * (i + 1) : null,
    customFields: { plan: i % 2 === 0 ? "free" : "pro", seats: String(i * 10), ...(i < 3 ? { note: `note ${i}` } : {}) },
  };
  const events: ScoringEvent[] = [];
  if (i < 10) events.push(event("demo_request", day(i), { seats: 5, plan: "pro", ...(i < 9 ? { budget: 1000 } : {}) }));
  if (i < 3) events.push(event("webinar_attended", day(i), { minutes: 30 }));
  return { attributes, events };
});

describe("learnFeatureSpec", () => {
  const spec = learnFeatureSpec(training);

  test("keeps what has enough support, in a fixed order", () => {
    // companySize 1 … 25, five bins: cut at sorted[⌊25·k/5⌋] = sorted[5, 10, 15, 20] = 6, 11, 16, 21.
    // seats 0 … 290 (30 values): sorted[6, 12, 18, 24] = 60, 120, 180, 240.
    expect(spec.features).toEqual([
      { kind: "category", field: "industry", levels: ["software", "retail"] },
      { kind: "category", field: "source", levels: ["ads"] },
      { kind: "category", field: "emailDomain", levels: ["acme.example", "beta.example"] },
      { kind: "bins", field: "companySize", edges: [6, 11, 16, 21] },
      { kind: "category", field: "custom.plan", levels: ["free", "pro"] },
      { kind: "bins", field: "custom.seats", edges: [60, 120, 180, 240] },
      { kind: "event", eventType: "demo_request" },
      { kind: "property", eventType: "demo_request", key: "seats" },
    ]);
  });

  test("a level needs its support among the leads given, so more leads raise the bar", () => {
    // The 30 above plus 2,970 with only a personal address: support ⌈3000 · 0.005⌉ = 15. Software's 12
    // and demo_request's 10 fall short; the domains keep gmail.com and yahoo.com (1,485 each) and
    // acme.example (20), not beta.example (10).
    const many = [...training, ...Array.from({ length: 2970 }, (_, i) => ({ attributes: { email: `x${i}@${i % 2 ? "gmail.com" : "yahoo.com"}` }, events: [] }))];
    const features = learnFeatureSpec(many).features;
    expect(features.find((feature) => feature.kind === "category" && feature.field === "industry")).toBeUndefined();
    expect(features.find((feature) => feature.kind === "event")).toBeUndefined();
    expect(features.find((feature) => feature.kind === "category" && feature.field === "emailDomain")).toEqual({
      kind: "category",
      field: "emailDomain",
      levels: ["gmail.com", "yahoo.com", "acme.example"],
    });
  });

  test("nothing to learn from no leads", () => {
    expect(learnFeatureSpec([])).toEqual({ features: [] });
  });
});

describe("columnsOf and featurize", () => {
  const spec = learnFeatureSpec(training);
  const columns = columnsOf(spec);
  // Column blocks: industry 0–3 (software, retail, other, missing) · source 4–6 · e-mail domain 7–10 ·
  // company size 11–16 (bins 0–4, missing) · plan 17–20 · seats 21–26 · demo_request count 27, recency 28 ·
  // seats on demo_request 29. Thirty columns.

  test("one column per level, bin, 'other' and 'missing', two per event type, one per property", () => {
    expect(columns).toHaveLength(30);
    expect(columns.map((column) => column.key)).toEqual([
      ...["industry=software", "industry=retail", "industry:other", "industry:missing"],
      ...["source=ads", "source:other", "source:missing"],
      ...["emailDomain=acme.example", "emailDomain=beta.example", "emailDomain:other", "emailDomain:missing"],
      ...["companySize#0", "companySize#1", "companySize#2", "companySize#3", "companySize#4", "companySize:missing"],
      ...["custom.plan=free", "custom.plan=pro", "custom.plan:other", "custom.plan:missing"],
      ...["custom.seats#0", "custom.seats#1", "custom.seats#2", "custom.seats#3", "custom.seats#4", "custom.seats:missing"],
      ...["event:demo_request:count", "event:demo_request:recency", "property:demo_request:seats"],
    ]);
    expect(columns.filter((column) => column.key.startsWith("companySize")).map((column) => column.label)).toEqual([
      "Company size under 6",
      "Company size 6 to under 11",
      "Company size 11 to under 16",
      "Company size 16 to under 21",
      "Company size 21 or more",
      "Company size is empty",
    ]);
    expect(columns[2].label).toBe("Industry is something less common");
    expect(columns.slice(27).map((column) => column.label)).toEqual(["demo_request events", "a recent demo_request", "seats on demo_request events"]);
  });

  test("a lead with every feature: level, 'other', bins, event count, recency and property sum", () => {
    const lead: FeatureSource = {
      attributes: { email: "x@Beta.Example", industry: "Aerospace", source: "Webinar", companySize: 11, customFields: { plan: "PRO ", seats: "250" } },
      events: [
        event("demo_request", NOW - 30 * DAY_MS, { seats: 25 }),
        event("demo_request", NOW - 60 * DAY_MS, { seats: 15 }),
        event("demo_request", NOW - 90 * DAY_MS, { seats: "x" }),
        event("webinar_attended", NOW - DAY_MS),
      ],
    };
    // Aerospace and Webinar have no column: "other" (2, 5). beta.example: 8. Size 11 is past edges 6 and 11: bin 2 → 13.
    // "PRO " is pro: 18. Seats 250 is past all four edges: bin 4 → 25. Three demos: ln(1 + 3) = ln 4.
    // Latest demo 30 days ago: e^(−30/30) = 1/e. Seats 25 + 15 (the text "x" is not a number) = 40: ln 41.
    const vector = featurize(spec, lead, NOW);
    expect(vector.indices).toEqual([2, 5, 8, 13, 18, 25, 27, 28, 29]);
    expect(vector.values.slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(vector.values[6]).toBeCloseTo(Math.log(4), 12);
    expect(vector.values[7]).toBeCloseTo(Math.exp(-1), 12);
    expect(vector.values[8]).toBeCloseTo(Math.log(41), 12);
  });

  test("an empty lead is 'missing' everywhere, and events it lacks are zeros (left out)", () => {
    const vector = featurize(spec, { attributes: { email: "nobody" }, events: [] }, NOW);
    expect(vector).toEqual({ indices: [3, 6, 10, 16, 20, 26], values: [1, 1, 1, 1, 1, 1] });
  });

  test("numbers: below the first edge is bin 0, text that is no number is missing", () => {
    const vector = featurize(spec, { attributes: { email: "a@acme.example", industry: "Retail", companySize: 0, customFields: { plan: "free", seats: "lots" } }, events: [] }, NOW);
    // retail 1, source missing 6, acme 7, size bin 0 → 11, free 17, seats missing 26.
    expect(vector.indices).toEqual([1, 6, 7, 11, 17, 26]);
  });

  test("recency is measured at `now`: the same events read later look older", () => {
    const lead = { attributes: { email: "a@acme.example" }, events: [event("demo_request", NOW - 15 * DAY_MS)] };
    const recency = (now: number) => featurize(spec, lead, now).values[featurize(spec, lead, now).indices.indexOf(28)];
    expect(recency(NOW)).toBeCloseTo(Math.exp(-0.5), 12); // 15 days: e^(−15/30)
    expect(recency(NOW + 45 * DAY_MS)).toBeCloseTo(Math.exp(-2), 12); // 60 days: e^(−60/30)
    // An event dated after `now` counts as just now, never more than 1.
    expect(recency(NOW - 20 * DAY_MS)).toBe(1);
  });

  test("a negative property sum keeps its sign on the log scale", () => {
    const lead = { attributes: { email: "a@acme.example" }, events: [event("demo_request", NOW, { seats: -4 }), event("demo_request", NOW - DAY_MS, { seats: -5 })] };
    const vector = featurize(spec, lead, NOW);
    expect(vector.values[vector.indices.indexOf(29)]).toBeCloseTo(-Math.log(10), 12); // −(ln(1 + 9))
  });

  test("every training lead fills exactly one column per field block, all within the columns", () => {
    const blocks = [[0, 4], [4, 7], [7, 11], [11, 17], [17, 21], [21, 27]];
    for (const lead of training) {
      const { indices } = featurize(spec, lead, NOW);
      expect(Math.max(...indices)).toBeLessThan(columns.length);
      for (const [from, to] of blocks) expect(indices.filter((index) => index >= from && index < to)).toHaveLength(1);
    }
  });
});

describe("helpers", () => {
  test("minimumSupport: at least 10 leads, or half a percent of them", () => {
    expect([minimumSupport(0), minimumSupport(2000), minimumSupport(2001), minimumSupport(10_000)]).toEqual([10, 10, 11, 50]);
  });

  test("levelOf: trimmed, lower-cased text; numbers and yes/no as text; nothing else", () => {
    expect([" Software ", 5, true, "", "   ", null, undefined, {}].map(levelOf)).toEqual(["software", "5", "true", null, null, null, null, null]);
  });

  test.each([
    // 10 values, 5 bins: sorted[2, 4, 6, 8] = 2, 3, 4, 5.
    { values: [5, 1, 2, 1, 3, 2, 4, 3, 5, 4], edges: [2, 3, 4, 5] },
    // An edge equal to the smallest value, or to the edge before it, is dropped.
    { values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 5], edges: [] },
    { values: [1, 1, 1, 1, 2, 2, 2, 2, 2, 2], edges: [2] },
    { values: [], edges: [] },
  ])("quantileEdges($values) → $edges", ({ values, edges }) => {
    expect(quantileEdges(values, 5)).toEqual(edges);
  });
});
