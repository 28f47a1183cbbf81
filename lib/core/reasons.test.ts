import { describe, expect, test } from "vitest";
import { reasonGroup, reasonListOf, reasonText } from "./reasons";

describe("reason lists", () => {
  test("disqualifying and rejecting pick from their own list; other moves write their reason", () => {
    expect(reasonListOf("disqualify")).toBe("disqualification");
    expect(reasonListOf("reject")).toBe("reject");
    expect(reasonListOf("nurture")).toBeNull();
  });

  test("a listed reason groups by its code; Other and rejections from before the list group as other", () => {
    expect(reasonGroup({ move: "reject", reasonCode: "wrong_contact", reason: "Asked for the CFO" })).toBe("wrong_contact");
    expect(reasonGroup({ move: "reject", reasonCode: "other", reason: "Event contact" })).toBe("other");
    expect(reasonGroup({ move: "reject", reasonCode: null, reason: "Student, no budget" })).toBe("other");
    expect(reasonGroup({ move: "nurture", reasonCode: null, reason: "Not yet" })).toBe("Not yet");
    expect(reasonGroup({ move: "disqualify", reasonCode: null, reason: "Imported as spam" })).toBe("Imported as spam");
  });

  test("a free-text rejection reads as Other: <text>; a listed one by its label", () => {
    expect(reasonText({ move: "reject", reasonCode: null, reason: "Student, no budget" })).toBe("Other: Student, no budget");
    expect(reasonText({ move: "disqualify", reasonCode: "other", reason: "Bought elsewhere" })).toBe("Other: Bought elsewhere");
    expect(reasonText({ move: "reject", reasonCode: "wrong_contact", reason: "Asked for the CFO", label: "Wrong contact" })).toBe("Wrong contact");
    expect(reasonText({ move: "reject", reasonCode: "gone", reason: null })).toBe("gone");
    expect(reasonText({ move: "recycle", reasonCode: null, reason: "Went quiet" })).toBe("Went quiet");
  });
});
