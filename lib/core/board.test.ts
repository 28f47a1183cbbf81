import { describe, expect, test } from "vitest";
import { cardPosition, comparePositions, decodeCursor, parseBoardSort, parseOwnerFilter } from "./board";
import { encodeKeysetCursor } from "./keyset-cursor";
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
    expect(decodeCursor(encodeKeysetCursor({ value: -15, id: "cm1abc" }), "score")).toEqual({ value: -15, id: "cm1abc" });
    expect(encodeKeysetCursor({ value: 20, id: "b" })).toBe("20:b");
    expect(decodeCursor("drop table", "score")).toBeNull();
  });

  test.each([0, 1, 0.5, 0.123456789, 3.2e-12, null])("a probability cursor round-trips: %s", (value) => {
    expect(decodeCursor(encodeKeysetCursor({ value, id: "cm1abc" }), "probability")).toEqual({ value, id: "cm1abc" });
  });

  test.each([
    ["score", "none:cm1"],
    ["score", "1.5:cm1"],
    ["probability", "2:cm1"],
    ["probability", "-0.1:cm1"],
    ["probability", "0.5"],
  ] as const)("a %s cursor %s is refused", (sort, text) => {
    expect(decodeCursor(text, sort)).toBeNull();
  });

  test("positions: highest value first, ties by id descending, no value last", () => {
    const positions = [
      { value: null, id: "z" },
      { value: 0.2, id: "a" },
      { value: 0.9, id: "b" },
      { value: 0.2, id: "c" },
      { value: null, id: "d" },
    ];
    expect([...positions].sort(comparePositions).map((position) => position.id)).toEqual(["b", "c", "a", "z", "d"]);
    expect(cardPosition({ id: "x", totalScore: 40, probability: 0.7 }, "score")).toEqual({ value: 40, id: "x" });
    expect(cardPosition({ id: "x", totalScore: 40, probability: 0.7 }, "probability")).toEqual({ value: 0.7, id: "x" });
  });

  test.each([
    ["probability", "probability"],
    ["score", "score"],
    [undefined, "score"],
    ["bogus", "score"],
  ])("sort=%s is %s", (value, sort) => {
    expect(parseBoardSort(value)).toBe(sort);
  });

  test("search text covers name, e-mail and company, lower-cased", () => {
    expect(searchTextOf({ firstName: "Ada", lastName: "Lovelace", email: "Ada@Engine.io", company: "Analytical Ltd" })).toBe(
      "ada lovelace ada@engine.io analytical ltd",
    );
    expect(normalizeSearch("  Ada   LOVE ")).toBe("ada love");
    expect(normalizeSearch("   ")).toBeUndefined();
  });
});
