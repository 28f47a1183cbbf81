import { describe, expect, test } from "vitest";
import { describeSla, mqlSla, overdueCutoff, slaUrgency } from "./sla";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const entered = new Date("2026-11-23T08:00:00Z");
const at = (ms: number) => new Date(entered.getTime() + ms);

describe("mqlSla", () => {
  test("is due the SLA's hours after the lead entered MQL", () => {
    expect(mqlSla(entered, 24, entered)).toEqual({ dueAt: new Date("2026-11-24T08:00:00Z"), overdue: false, remainingMs: 24 * HOUR });
  });

  test("exactly at the due time it is not yet overdue; a millisecond later it is", () => {
    expect(mqlSla(entered, 24, at(24 * HOUR))).toMatchObject({ overdue: false, remainingMs: 0 });
    expect(mqlSla(entered, 24, at(24 * HOUR + 1))).toMatchObject({ overdue: true, remainingMs: -1 });
  });

  test("25 hours in, a 24-hour SLA is an hour overdue and a 48-hour one has 23 hours left", () => {
    expect(mqlSla(entered, 24, at(25 * HOUR))).toMatchObject({ overdue: true, remainingMs: -HOUR });
    expect(mqlSla(entered, 48, at(25 * HOUR))).toMatchObject({ overdue: false, remainingMs: 23 * HOUR });
  });

  test("agrees with overdueCutoff at the boundary", () => {
    const now = at(24 * HOUR);
    expect(overdueCutoff(24, now)).toEqual(entered);
    // "Entered before the cutoff" is overdue, so entering exactly at it is not.
    expect(mqlSla(overdueCutoff(24, now), 24, now).overdue).toBe(false);
    expect(mqlSla(new Date(entered.getTime() - 1), 24, now).overdue).toBe(true);
  });
});

describe("slaUrgency", () => {
  test("due soon in the last fifth of the window, inclusive; overdue once past it", () => {
    const remaining = (ms: number) => slaUrgency(mqlSla(entered, 10, at(10 * HOUR - ms)), 10);
    expect(remaining(2 * HOUR + 1)).toBe("onTrack");
    expect(remaining(2 * HOUR)).toBe("dueSoon");
    expect(remaining(0)).toBe("dueSoon");
    expect(remaining(-1)).toBe("overdue");
  });
});

describe("describeSla", () => {
  const left = (ms: number) => describeSla(mqlSla(entered, 24, at(24 * HOUR - ms)));

  test("hours and minutes while time is left", () => {
    expect(left(3 * HOUR + 20 * MINUTE)).toBe("3 h 20 min left");
    expect(left(5 * HOUR)).toBe("5 h left");
    expect(left(45 * MINUTE + 59_999)).toBe("45 min left");
  });

  test("days and hours for long spans, leaving out zero hours", () => {
    expect(describeSla(mqlSla(entered, 72, entered))).toBe("3 d left");
    expect(describeSla(mqlSla(entered, 24 * 30, at(3 * HOUR + 30 * MINUTE)))).toBe("29 d 20 h left");
  });

  test("overdue spans", () => {
    expect(left(-2 * HOUR)).toBe("overdue by 2 h");
    expect(left(-(3 * HOUR + 5 * MINUTE))).toBe("overdue by 3 h 5 min");
    expect(left(-(2 * 24 * HOUR + 4 * HOUR + 59 * MINUTE))).toBe("overdue by 2 d 4 h");
  });

  test("under a minute either side of the due time", () => {
    expect(left(0)).toBe("less than 1 min left");
    expect(left(59_999)).toBe("less than 1 min left");
    expect(left(-1)).toBe("overdue by less than 1 min");
    expect(left(-MINUTE)).toBe("overdue by 1 min");
  });
});
