import { describe, expect, test } from "vitest";
import { isPlainObject, parseStoredJson, parseStoredObject } from "./stored-json";

describe("stored JSON", () => {
  test("reads what parses, and the fallback for nothing or garbage", () => {
    expect(parseStoredJson('[{"id":"a"}]')).toEqual([{ id: "a" }]);
    expect(parseStoredJson(null)).toBeNull();
    expect(parseStoredJson("{not json", {})).toEqual({});
    expect(parseStoredJson(null, [])).toEqual([]);
  });

  test("an object column reads as an object whatever was stored", () => {
    expect(parseStoredObject('{"plan":"pro","seats":3}')).toEqual({ plan: "pro", seats: 3 });
    for (const text of [null, "", "{}", "[1,2]", "42", '"text"', "null", "{broken"]) expect(parseStoredObject(text)).toEqual({});
  });

  test("only plain objects are objects", () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    for (const value of [null, [], "a", 1, undefined]) expect(isPlainObject(value)).toBe(false);
  });
});
