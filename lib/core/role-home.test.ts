import { describe, expect, it } from "vitest";
import { roleHome } from "./role-home";
import { ROLES } from "./roles";

describe("roleHome", () => {
  it.each([
    ["MARKETER", "/review"],
    ["SALES", "/queue"],
    ["MANAGER", "/dashboard"],
    ["ADMIN", "/admin/users"],
  ] as const)("sends a %s to %s", (role, home) => {
    expect(roleHome(role)).toBe(home);
  });

  // "/" redirects to the role's home, so a home of "/" would redirect forever.
  it("gives every role a page of this site other than the root", () => {
    for (const role of ROLES) expect(roleHome(role)).toMatch(/^\/[a-z]/);
  });
});
