import { describe, expect, it } from "vitest";
import { signInAgainPath } from "./signed-out";

const ORIGIN = "https://leadgate.example";

describe("signInAgainPath", () => {
  it("returns to the page and its query after signing in again", () => {
    expect(signInAgainPath("/board?owner=unassigned&q=acme", ORIGIN)).toBe("/signin?callbackUrl=%2Fboard%3Fowner%3Dunassigned%26q%3Dacme&reason=signed-out");
  });

  it.each(["//evil.example/board", "/\\evil.example", "/%2F/evil.example", "https://evil.example/board", "/"])(
    "drops the unsafe or pointless return address %j but still says why",
    (returnTo) => {
      expect(signInAgainPath(returnTo, ORIGIN)).toBe("/signin?reason=signed-out");
    },
  );
});
