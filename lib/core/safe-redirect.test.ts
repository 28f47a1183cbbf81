import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-redirect";

const ORIGIN = "https://leadgate.example";

describe("sameOriginPath", () => {
  it.each([
    ["/board", "/board"],
    ["/board?owner=unassigned", "/board?owner=unassigned"],
    ["/leads/abc#notes", "/leads/abc#notes"],
    ["/board?q=a%20b", "/board?q=a%20b"],
    ["/a/../board", "/board"],
  ])("keeps the same-origin path %s", (target, expected) => {
    expect(sameOriginPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "https://evil.example",
    "https://leadgate.example.evil.example/board",
    "http:evil.example",
    "javascript:alert(1)",
    "/\tjavascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    " //evil.example",
    "board",
    "",
    "/%E0%A4%A",
  ])("refuses %j", (target) => {
    expect(sameOriginPath(target, ORIGIN)).toBeNull();
  });

  it("refuses values that are not a single string", () => {
    expect(sameOriginPath(["/board"], ORIGIN)).toBeNull();
    expect(sameOriginPath(undefined, ORIGIN)).toBeNull();
  });

  it("never returns a path that resolves to another origin", () => {
    for (const prefix of ["/", "//", "/\\", "/%2F", "/%5C", "/\t/"]) {
      const result = sameOriginPath(`${prefix}evil.example/x`, ORIGIN);
      if (result !== null) expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
