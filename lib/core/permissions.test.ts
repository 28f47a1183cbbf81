import { describe, expect, it } from "vitest";
import { MOVE_TABLE } from "./funnel";
import type { Permission } from "./permissions";
import { PERMISSION_NAMES, PERMISSIONS, can, canMakeMove, rolesWith } from "./permissions";
import type { Role } from "./roles";
import { ROLES } from "./roles";

// What each role could do before the table existed, as the actions, pages and navigation had it.
const EXPECTED: Record<Permission, readonly Role[]> = {
  "leads.view": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "leads.export": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "views.save": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "leads.move": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "leads.bulkMove": ["MANAGER", "MARKETER", "SALES"],
  "leads.assign": ["MANAGER"],
  "leads.logEvent": ["MANAGER", "MARKETER", "SALES"],
  "leads.logActivity": ["MANAGER", "MARKETER", "SALES"],
  "leads.own": ["MANAGER", "SALES"],
  "leads.receive": ["SALES"],
  "review.work": ["MANAGER", "MARKETER"],
  "queue.work": ["MANAGER", "SALES"],
  "queue.viewAllReps": ["MANAGER"],
  "dashboard.view": ["ADMIN", "MANAGER", "MARKETER"],
  "scoring.editRules": ["MANAGER", "MARKETER"],
  "scoringLab.use": ["MANAGER", "MARKETER"],
  "scoringLab.setDefaults": ["MANAGER"],
  "import.run": ["ADMIN", "MANAGER", "MARKETER"],
  "import.viewOthers": ["ADMIN", "MANAGER"],
  "workflow.edit": ["ADMIN", "MANAGER"],
  "users.manage": ["ADMIN"],
  "apiKeys.manage": ["ADMIN"],
  "tracking.view": ["ADMIN", "MANAGER", "MARKETER"],
  "writeKeys.manage": ["ADMIN"],
  "webhooks.manage": ["ADMIN"],
  "apiDocs.view": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "account.emailNotices": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
  "account.changePassword": ["ADMIN", "MANAGER", "MARKETER", "SALES"],
};

describe("the permissions table", () => {
  it("gives each permission the roles the app allowed before it existed", () => {
    expect(Object.fromEntries(PERMISSION_NAMES.map((name) => [name, [...PERMISSIONS[name]].sort()]))).toEqual(EXPECTED);
  });

  it("names only known roles, without repeats, and gives every permission someone", () => {
    for (const name of PERMISSION_NAMES) {
      const roles = PERMISSIONS[name];
      expect(roles.length, name).toBeGreaterThan(0);
      expect(new Set(roles).size, name).toBe(roles.length);
      for (const role of roles) expect(ROLES, name).toContain(role);
    }
  });

  it("lets exactly the roles the funnel names for some move run bulk moves: admins make none", () => {
    const movers = new Set(MOVE_TABLE.flatMap((rule) => rule.permissions.map((permission) => permission.role)));
    for (const role of ROLES) expect(can(role, "leads.bulkMove"), role).toBe(movers.has(role));
    expect(can("ADMIN", "leads.bulkMove")).toBe(false);
  });
});

describe("can", () => {
  it.each([
    ["ADMIN", "users.manage", true],
    ["MANAGER", "users.manage", false],
    ["SALES", "dashboard.view", false],
    ["MARKETER", "dashboard.view", true],
    ["SALES", "apiDocs.view", true],
    ["ADMIN", "leads.logActivity", false],
    ["MANAGER", "queue.viewAllReps", true],
    ["SALES", "queue.viewAllReps", false],
  ] as const)("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("answers for every role and permission as the table says", () => {
    for (const name of PERMISSION_NAMES) for (const role of ROLES) expect(can(role, name), `${role} ${name}`).toBe(EXPECTED[name].includes(role));
  });
});

describe("rolesWith", () => {
  it("lists the table's roles in a copy the caller may keep", () => {
    const roles = rolesWith("leads.receive");
    expect(roles).toEqual(["SALES"]);
    roles.push("ADMIN");
    expect(rolesWith("leads.receive")).toEqual(["SALES"]);
  });
});

describe("canMakeMove", () => {
  it.each([
    ["MARKETER", "markMql", true],
    ["MANAGER", "markMql", true],
    ["SALES", "markMql", false],
    ["ADMIN", "markMql", false],
    ["SALES", "disqualify", true],
    ["MARKETER", "reopen", false],
    ["MANAGER", "reopen", true],
  ] as const)("%s may %s some lead: %s", (role, move, allowed) => {
    expect(canMakeMove(role, move)).toBe(allowed);
  });
});
