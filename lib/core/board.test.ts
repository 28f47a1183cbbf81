import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor, parseOwnerFilter } from "./board";
import { normalizeSearch, searchTextOf } from "./lead-search";

describe("board filters", () => {
  test.each([
    { value: undefined, expected: { kind: "all" } },
    { value: "all", expected: { kind: "all" } },
    { value: "unassigned", expected: { kind: "unassigned" } },
    { value: "me", expected: { kind: "user", userId: "u1" } },
    { value: "u2", expected: { kind: "user", userId: "u2" } },
  ])("owner=$value", ({ value, expected }) => {
    expect(parseOwnerFilter(value, "u1")).toEqual(expected);
  });

  test("cursors round-trip, including negative scores, and junk is refused", () => {
    expect(decodeCursor(encodeCursor({ totalScore: -15, id: "cm1abc" }))).toEqual({ totalScore: -15, id: "cm1abc" });
    expect(decodeCursor("drop table")).toBeNull();
  });

  test("search text covers name, e-mail and company, lower-cased", () => {
    expect(searchTextOf({ firstName: "Ada", lastName: "Lovelace", email: "Ada@Engine.io", company: "Analytical Ltd" })).toBe(
      "ada lovelace ada@engine.io analytical ltd",
    );
    expect(normalizeSearch("  Ada   LOVE ")).toBe("ada love");
    expect(normalizeSearch("   ")).toBeUndefined();
  });
});
