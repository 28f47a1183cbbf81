import { beforeAll, describe, expect, test } from "vitest";
import { POST as exportLeads } from "@/app/(app)/leads/export/route";
import { GET as downloadBadRows } from "@/app/(app)/import/errors/[jobId]/route";
import { authorizedRoute } from "@/lib/server/auth/authorized-route";
import { db } from "@/lib/server/store/db";
import type { ErrorCode } from "@/lib/server/errors";
import { AppError } from "@/lib/server/errors";
import type { Team } from "../support/factories";
import { createTeam, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

// A route only admins may use, which answers who asked and the path's parameter.
const whoAmI = authorizedRoute<{ id: string }>("users.manage", async ({ user, params }) => Response.json({ user: user.id, id: params.id }));
const callWhoAmI = () => whoAmI(new Request("http://localhost/who-am-i/7"), { params: Promise.resolve({ id: "7" }) });

describe("authorizedRoute", () => {
  test("answers 401 in the JSON error shape when nobody is signed in, never cached", async () => {
    signInAs(null);
    const response = await callWhoAmI();
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Your session has ended. Sign in again to continue." } });
  });

  test("counts a deactivated user, an ended session and a temporary password as nobody, as currentUser() does", async () => {
    signInAs(await createUser("ADMIN", { active: false }));
    expect((await callWhoAmI()).status).toBe(401);

    const ended = await createUser("ADMIN");
    await db.user.update({ where: { id: ended.id }, data: { sessionVersion: { increment: 1 } } });
    signInAs(ended);
    expect((await callWhoAmI()).status).toBe(401);

    const owesPassword = await createUser("ADMIN");
    await db.user.update({ where: { id: owesPassword.id }, data: { mustChangePassword: true } });
    signInAs(owesPassword);
    expect((await callWhoAmI()).status).toBe(401);
  });

  test("answers 403 to a role without the permission, before the handler runs", async () => {
    for (const who of ["manager", "marketer", "rep"] as const) {
      signInAs(users[who]);
      const response = await callWhoAmI();
      expect(response.status, who).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Your role does not allow this." } });
    }
  });

  test("runs the handler for a role with the permission, with the user and the path's parameters", async () => {
    signInAs(users.admin);
    const response = await callWhoAmI();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: users.admin.id, id: "7" });
  });

  test.each([
    ["VALIDATION", 400, "validation_failed"],
    ["NOT_FOUND", 404, "not_found"],
    ["CONFLICT", 409, "conflict"],
    ["FORBIDDEN", 403, "forbidden"],
  ] as const)("turns an AppError %s from the handler into %i %s", async (code: ErrorCode, status, apiCode) => {
    const failing = authorizedRoute("leads.view", async () => {
      throw new AppError(code, "What went wrong, for the user.", code === "VALIDATION" ? { query: "Too long." } : undefined);
    });
    signInAs(users.rep);
    const response = await failing(new Request("http://localhost/failing"));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: apiCode, message: "What went wrong, for the user.", ...(code === "VALIDATION" ? { details: { query: "Too long." } } : {}) },
    });
  });

  test("reports an unexpected error as a 500 without its inner message", async () => {
    const broken = authorizedRoute("leads.view", async () => {
      throw new Error("database file is locked at /secret/path");
    });
    signInAs(users.rep);
    const response = await broken(new Request("http://localhost/broken"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("/secret/path");
  });
});

describe("the app's own routes answer errors in the JSON shape", () => {
  test("the lead export refuses a signed-out caller with 401", async () => {
    signInAs(null);
    const response = await exportLeads(new Request("http://localhost/leads/export", { method: "POST", body: new FormData() }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  test("an import's bad rows refuse a role that doesn't import with 403, and an unknown import with 404", async () => {
    const download = (jobId: string) => downloadBadRows(new Request(`http://localhost/import/errors/${jobId}`), { params: Promise.resolve({ jobId }) });
    signInAs(users.rep);
    const refused = await download("no-such-job");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    signInAs(users.marketer);
    const missing = await download("no-such-job");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "This import no longer exists." } });
  });
});
