import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "./default-rules";
import { scoreLead, scoreWithoutExplanation } from "./engine";
import type { LeadAttributes, ScoringEvent, ScoringRules } from "./types";

const NOW = new Date("2026-11-24T12:00:00Z");
const HOUR = 60 * 60 * 1000;

// Event types the default rules score, plus one they don't (custom types count only when named).
const EVENT_TYPES = [...new Set(DEFAULT_SCORING_RULES.engagement.map((rule) => rule.eventType)), "trial_started"];

// Hours within ±400 days; a few fixed moments make simultaneous events (and id tie-breaks) common.
const occurredAt = fc
  .oneof(fc.integer({ min: -400 * 24, max: 400 * 24 }), fc.constantFrom(0, -24, -30 * 24))
  .map((hours) => new Date(NOW.getTime() + hours * HOUR));
const propertyValue = fc.oneof(fc.constantFrom("/pricing", "/PRICING/teams", "/product", "Buyer's guide", ""), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const properties = fc.dictionary(fc.constantFrom("url", "content", "campaign", "minutes"), propertyValue, { maxKeys: 3 });

const eventsArbitrary = fc
  .array(fc.record({ type: fc.constantFrom(...EVENT_TYPES), occurredAt, properties }), { maxLength: 40 })
  .map((drafts): ScoringEvent[] => drafts.map((draft, index) => ({ id: `e${index.toString().padStart(2, "0")}`, ...draft })));

/** Events and the same events in another order: the order they happened to arrive in. */
const eventsAndArrival = eventsArbitrary.chain((events) =>
  fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
);

const leadArbitrary: fc.Arbitrary<LeadAttributes> = fc.record({
  email: fc.constantFrom("ann@acme.example", "bob@gmail.com", "spy@competitor.example", "no-at-sign"),
  companySize: fc.option(fc.integer({ min: 0, max: 20_000 })),
  annualRevenue: fc.option(fc.integer({ min: 0, max: 2_000_000_000 })),
  seniority: fc.option(fc.constantFrom("C-level", "VP", "Director", "Manager", "Individual contributor", "Student", "vp")),
  industry: fc.option(fc.constantFrom("Software", "Retail", "financial services")),
  website: fc.option(fc.constantFrom("https://acme.example", "", " ")),
});

const score = (lead: LeadAttributes, events: readonly ScoringEvent[], rules: ScoringRules = DEFAULT_SCORING_RULES) =>
  scoreLead({ lead, events, rules, now: NOW });

describe("scoring with the default rules, for any events", () => {
  test("the order events are given in never changes the result", () => {
    fc.assert(
      fc.property(leadArbitrary, eventsAndArrival, (lead, [events, permuted]) => {
        expect(score(lead, permuted)).toEqual(score(lead, events));
      }),
    );
  });

  test("scoring after each arrival ends where scoring everything at once does, and agrees at every step", () => {
    fc.assert(
      fc.property(leadArbitrary, eventsAndArrival, (lead, [events, arrival]) => {
        const received: ScoringEvent[] = [];
        let latest = score(lead, received);
        for (const event of arrival) {
          received.push(event);
          latest = score(lead, received);
          // The same subset, handed over in a different order, as a full re-score would read it.
          expect(latest).toEqual(score(lead, [...received].reverse()));
        }
        expect(latest).toEqual(score(lead, events));
      }),
    );
  });

  test("storing scores without the explanation gives exactly the explained scores", () => {
    fc.assert(
      fc.property(leadArbitrary, eventsArbitrary, (lead, events) => {
        const { contributions: _contributions, ...explained } = score(lead, events);
        expect(scoreWithoutExplanation({ lead, events, rules: DEFAULT_SCORING_RULES, now: NOW })).toEqual(explained);
      }),
    );
  });

  test("fit and flags depend on the lead alone, never on its events", () => {
    fc.assert(
      fc.property(leadArbitrary, eventsArbitrary, (lead, events) => {
        const withEvents = score(lead, events);
        const without = score(lead, []);
        expect(withEvents.fit).toBe(without.fit);
        expect(withEvents.flags).toEqual(without.flags);
        expect(withEvents.contributions.filter((c) => c.kind === "fit")).toEqual(without.contributions);
      }),
    );
  });

  test("without decay or negative rules, engagement never decreases as events arrive", () => {
    const growOnly: ScoringRules = {
      ...DEFAULT_SCORING_RULES,
      engagement: DEFAULT_SCORING_RULES.engagement.filter((rule) => rule.points > 0).map(({ halfLifeDays: _halfLife, ...rule }) => rule),
    };
    fc.assert(
      fc.property(leadArbitrary, eventsAndArrival, (lead, [, arrival]) => {
        let previous = score(lead, [], growOnly).engagement;
        for (let count = 1; count <= arrival.length; count++) {
          const engagement = score(lead, arrival.slice(0, count), growOnly).engagement;
          expect(engagement).toBeGreaterThanOrEqual(previous);
          previous = engagement;
        }
      }),
    );
  });
});
