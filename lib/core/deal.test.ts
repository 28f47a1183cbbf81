import { describe, expect, test } from "vitest";
import { closeDate, dealValueCents, formatDealValue, todayUtc } from "./deal";

describe("a won deal's value and close date", () => {
  test("values become whole cents without float drift", () => {
    expect(dealValueCents(0.1 + 0.2)).toEqual({ cents: 30 });
    expect(dealValueCents(10.005)).toEqual({ error: "The deal value can have at most two decimals (cents)." });
    expect(dealValueCents(19.99)).toEqual({ cents: 1999 });
    expect(dealValueCents(1_000_000_000_000)).toEqual({ cents: 100_000_000_000_000 });
  });

  test("today is the UTC day, so a late evening west of Greenwich is already tomorrow", () => {
    expect(todayUtc(new Date("2026-12-07T23:30:00-05:00"))).toBe("2026-12-08");
    expect(closeDate("2026-12-08", "2026-12-08")).toEqual({ at: new Date("2026-12-08T00:00:00Z") });
    expect(closeDate("2024-02-29", "2026-12-08")).toEqual({ at: new Date("2024-02-29T00:00:00Z") });
    expect(closeDate("2025-02-29", "2026-12-08")).toEqual({ error: "2025-02-29 is not a date." });
  });

  test("values read with grouping, cents only when there are any", () => {
    expect(formatDealValue(12_500)).toBe("12,500");
    expect(formatDealValue(12_500.5)).toBe("12,500.5");
  });
});
