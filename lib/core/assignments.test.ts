import { describe, expect, test } from "vitest";
import { describeAssignment } from "./assignments";

const sam = { id: "u-sam", name: "Sam Sales" };
const sasha = { id: "u-sasha", name: "Sasha Sales" };

describe("describeAssignment", () => {
  test.each([
    { from: null, to: sasha, automatic: true, expected: "Routed to Sasha Sales" },
    { from: sam, to: sasha, automatic: true, expected: "Routed from Sam Sales to Sasha Sales" },
    { from: null, to: sam, automatic: false, expected: "Assigned to Sam Sales" },
    { from: sam, to: sasha, automatic: false, expected: "Reassigned from Sam Sales to Sasha Sales" },
    { from: sam, to: null, automatic: false, expected: "Unassigned from Sam Sales" },
    { from: null, to: null, automatic: true, expected: "Stays unassigned" },
    { from: sam, to: sam, automatic: true, expected: "Stays with Sam Sales" },
  ])("$from.name → $to.name (automatic: $automatic): $expected", ({ expected, ...change }) => {
    expect(describeAssignment(change)).toBe(expected);
  });

  test("two people with the same name are still two owners", () => {
    expect(describeAssignment({ from: { id: "a", name: "Alex Kim" }, to: { id: "b", name: "Alex Kim" }, automatic: false })).toBe("Reassigned from Alex Kim to Alex Kim");
  });
});
