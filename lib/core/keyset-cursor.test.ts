import { expect, test } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor } from "./keyset-cursor";

test("a cursor reads back as the position it was written from", () => {
  for (const position of [{ value: 42, id: "0190f1b2-7c3a-7000-8000-000000000001" }, { value: -15, id: "cm1abc" }, { value: 0.125, id: "b" }, { value: 1.5e-7, id: "c" }, { value: null, id: "d" }]) {
    expect(decodeKeysetCursor(encodeKeysetCursor(position))).toEqual(position);
  }
  expect(encodeKeysetCursor({ value: 1733500000000, id: "e" })).toBe("1733500000000:e");
});

test("anything else is not a cursor", () => {
  for (const text of ["", "drop table", "12", ":id", "12:", "abc:id", "12:a b", "12:a;b", "Infinity:a"]) expect(decodeKeysetCursor(text)).toBeNull();
});
