import { describe, expect, test } from "vitest";
import { backLinkFor, DEFAULT_BACK_LINK, leadPageHref } from "./back-link";

describe("the lead page's way back", () => {
  test("the list the lead was opened from comes back with its query", () => {
    const href = leadPageHref("lead-1", "/leads?stage=SQL&minScore=60&sort=-totalScore");
    expect(href).toBe("/leads/lead-1?from=%2Fleads%3Fstage%3DSQL%26minScore%3D60%26sort%3D-totalScore");
    const from = new URL(href, "https://leadgate.example").searchParams.get("from");
    expect(backLinkFor(from)).toEqual({ href: "/leads?stage=SQL&minScore=60&sort=-totalScore", label: "Back to the leads" });
    expect(backLinkFor("/board?owner=me&outcomes=1")).toEqual({ href: "/board?owner=me&outcomes=1", label: "Back to the board" });
    expect(backLinkFor("/queue?rep=abc")).toEqual({ href: "/queue?rep=abc", label: "Back to the sales queue" });
    expect(backLinkFor("/review?tab=returned")).toEqual({ href: "/review?tab=returned", label: "Back to the MQL review" });
  });

  test.each([
    undefined,
    ["/leads", "/board"],
    "",
    "https://evil.example/leads",
    "//evil.example/leads",
    "/\\evil.example",
    "/%2F/evil.example",
    "javascript:alert(1)",
    "leads?stage=SQL",
    "/admin/users",
    "/leads/other-lead",
    "/constructor",
  ])("%j is not trusted and goes back to the board", (from) => {
    expect(backLinkFor(from)).toEqual(DEFAULT_BACK_LINK);
  });

  test("a fragment is dropped; the path is normalised as a browser would", () => {
    expect(backLinkFor("/board/../leads?view=all#row-3")).toEqual({ href: "/leads?view=all", label: "Back to the leads" });
  });
});
