import { describe, expect, test } from "vitest";
import { formatEventTypes, isDelivered, parseEventTypes, shouldDisable, thresholdCrossing } from "./webhooks";

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

describe("deliveries", () => {
  test("only a 2xx answer is a delivery", () => {
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([null, 199, 301, 404, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
  });

  test("an endpoint is disabled once it has failed for a full day", () => {
    const since = new Date("2026-12-01T00:00:00Z");
    expect(shouldDisable(null, new Date("2026-12-09T00:00:00Z"))).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + 24 * HOUR - 1))).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + 24 * HOUR))).toBe(true);
  });
});

describe("score crossings", () => {
  test.each([
    { before: 50, after: 70, expected: "up" },
    { before: 70, after: 50, expected: "down" },
    { before: 59, after: 60, expected: "up" },
    { before: 60, after: 61, expected: null },
    { before: 10, after: 20, expected: null },
    { before: null, after: 70, expected: "up" },
    { before: null, after: 10, expected: null },
  ])("$before → $after with the threshold at 60: $expected", ({ before, after, expected }) => {
    expect(thresholdCrossing(before, after, 60)).toBe(expected);
  });
});

describe("event types as stored", () => {
  test("keep the canonical order and drop unknown names", () => {
    expect(formatEventTypes(["lead.score_changed", "lead.mql"])).toBe("lead.mql,lead.score_changed");
    expect(parseEventTypes("lead.mql, lead.unknown,lead.sla_breached")).toEqual(["lead.mql", "lead.sla_breached"]);
  });
});
