import { describe, expect, test } from "vitest";
import { eventInputSchema } from "./events";

describe("an event's date", () => {
  test.each(["0000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:59:59+01:00"])("%s is before 1970 and refused", (occurredAt) => {
    const parsed = eventInputSchema.safeParse({ email: "a@b.example", type: "page_view", occurredAt });
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["occurredAt"], message: "Must be on or after 1970-01-01." })]);
  });

  test("1970-01-01 and later are accepted", () => {
    for (const occurredAt of ["1970-01-01T00:00:00Z", "2026-11-24T09:30:00+01:00"]) {
      expect(eventInputSchema.safeParse({ email: "a@b.example", type: "page_view", occurredAt }).success).toBe(true);
    }
  });
});
