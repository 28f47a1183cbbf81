import { describe, expect, test } from "vitest";
import { ACTIVITY_KINDS, ACTIVITY_LABELS, activityKindOf, isActivityKind } from "./activities";

describe("activity kinds", () => {
  test("each kind has a label", () => {
    expect(ACTIVITY_KINDS.map((kind) => ACTIVITY_LABELS[kind])).toEqual(["Note", "Call", "E-mail", "Meeting"]);
  });

  test.each(["note", "call", "email", "meeting"])("%s is a kind", (kind) => {
    expect(isActivityKind(kind)).toBe(true);
  });

  test.each(["", "Call", "e-mail", "task", "toString", null, undefined, 3, ["call"]])("%j is not a kind", (value) => {
    expect(isActivityKind(value)).toBe(false);
  });

  test("a stored kind this version doesn't know reads as a note", () => {
    expect(activityKindOf("meeting")).toBe("meeting");
    expect(activityKindOf("sms")).toBe("note");
    expect(activityKindOf("")).toBe("note");
  });
});
