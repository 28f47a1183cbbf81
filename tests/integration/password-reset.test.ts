import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { changePasswordAction, createUserAction, resetPasswordAction } from "@/lib/server/admin/user-actions";
import { authOptions } from "@/lib/server/auth/auth";
import { currentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/store/db";
import { requireUser } from "@/lib/server/auth/require-user";
import { listUsers } from "@/lib/server/admin/users";
import { authSecret } from "@/lib/env";
import { proxy } from "@/proxy";
import { createUser } from "../support/factories";
import { asUser } from "../support/sign-in";

const PASSWORD = "correct horse battery";
const ORIGIN = "http://localhost:3100";

type Session = { id: string; sessionVersion?: number; mustChangePassword?: boolean };

function authorize(email: string, password: string) {
  const credentials = authOptions().providers[0] as unknown as { options: { authorize: (input: unknown) => Promise<User | null> } };
  return credentials.options.authorize({ email, password });
}

/** Signs in through the credentials provider and the jwt callback, as the browser would. */
async function signIn(email: string, password = PASSWORD): Promise<Session> {
  const user = await authorize(email, password);
  if (!user) throw new Error(`${email} could not sign in`);
  const token = (await authOptions().callbacks!.jwt!({ token: {}, user, account: null })) as JWT;
  return { id: token.sub!, sessionVersion: token.sessionVersion, mustChangePassword: token.mustChangePassword };
}

/** Where a page sends the session: the user's id when it opens, else the redirect's path. */
async function pageSees(session: Session) {
  return asUser(session, () => requireUser()).then(
    (user) => user.id,
    (error: unknown) => {
      const digest = String((error as { digest?: string }).digest);
      if (digest.includes("/change-password")) return "change-password";
      if (digest.includes("/signin")) return "signin";
      return Promise.reject(error);
    },
  );
}

async function proxyAnswer(path: string, session: Session, action = false) {
  const token = await encode({ token: { sub: session.id, sessionVersion: session.sessionVersion, mustChangePassword: session.mustChangePassword }, secret: authSecret() });
  const headers: Record<string, string> = { cookie: `next-auth.session-token=${token}` };
  if (action) headers["next-action"] = "7f00aa";
  return proxy(new NextRequest(`${ORIGIN}${path}`, { method: action ? "POST" : "GET", headers }));
}

async function resetByAdmin(targetId: string): Promise<string> {
  const admin = await createUser("ADMIN");
  const result = await asUser(admin, () => resetPasswordAction({ userId: targetId }));
  if (!result.ok) throw new Error(result.error.message);
  return result.data.temporaryPassword;
}

describe("an admin resets a password", () => {
  test("only admins may, and not their own or a deactivated user's", async () => {
    const admin = await createUser("ADMIN");
    const target = await createUser("SALES");
    const before = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    for (const role of ["MANAGER", "MARKETER", "SALES"] as const) {
      const other = await createUser(role);
      expect(await asUser(other, () => resetPasswordAction({ userId: target.id }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await asUser(admin, () => resetPasswordAction({ userId: admin.id }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const inactive = await createUser("SALES", { active: false });
    expect(await asUser(admin, () => resetPasswordAction({ userId: inactive.id }))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await asUser(admin, () => resetPasswordAction({ userId: "" }))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { userId: "Choose a user." } } });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
  });

  test("the old password stops working, every session ends, and the temporary password signs in", async () => {
    const target = await createUser("MARKETER");
    const old = await signIn(target.email);
    expect(await pageSees(old)).toBe(target.id);

    const temporary = await resetByAdmin(target.id);

    expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.passwordHash).not.toContain(temporary);
    expect(stored.mustChangePassword).toBe(true);
    expect(await pageSees(old)).toBe("signin");
    expect(await asUser(old, () => currentUser())).toBeNull();
    expect(await authorize(target.email, PASSWORD)).toBeNull();
    expect(await authorize(target.email, temporary)).toMatchObject({ id: target.id, mustChangePassword: true });
  });
});

describe("until the user changes the temporary password", () => {
  test("the server sends every page to the change and refuses every action", async () => {
    const target = await createUser("ADMIN");
    const other = await createUser("SALES");
    const temporary = await resetByAdmin(target.id);
    const session = await signIn(target.email, temporary);
    expect(session.mustChangePassword).toBe(true);

    expect(await pageSees(session)).toBe("change-password");
    expect(await asUser(session, () => currentUser())).toBeNull();
    expect(await asUser(session, () => resetPasswordAction({ userId: other.id }))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringContaining("new password") },
    });
    expect(await asUser(session, () => createUserAction({ name: "Sneaky", email: "sneaky@example.com", role: "ADMIN", password: "a-long-password" }))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await db.user.count({ where: { email: "sneaky@example.com" } })).toBe(0);

    // The proxy says so before any page renders: pages redirect, actions get a 403 that moves the page.
    const page = await proxyAnswer("/admin/users", session);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`${ORIGIN}/change-password`);
    const action = await proxyAnswer("/board", session, true);
    expect(action.status).toBe(403);
    expect(action.headers.get("x-action-redirect")).toBe("/change-password;replace");
    expect((await proxyAnswer("/change-password", session)).status).toBe(200);
    expect((await proxyAnswer("/change-password", session, true)).status).toBe(200);
    expect((await proxyAnswer("/manifest.webmanifest", session)).status).toBe(200);
  });

  test("changing it needs the temporary password and a different new one, ends that session and opens the app", async () => {
    const target = await createUser("SALES");
    const temporary = await resetByAdmin(target.id);
    const session = await signIn(target.email, temporary);
    const change = (input: { currentPassword: string; newPassword: string; confirmPassword: string }) => asUser(session, () => changePasswordAction(input));

    expect(await change({ currentPassword: "wrong password", newPassword: "my-own-password", confirmPassword: "my-own-password" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { currentPassword: "This is not your current password." } },
    });
    expect(await change({ currentPassword: temporary, newPassword: temporary, confirmPassword: temporary })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { newPassword: expect.stringContaining("different") } },
    });
    expect(await change({ currentPassword: temporary, newPassword: "short", confirmPassword: "other" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { newPassword: expect.stringContaining("10 characters"), confirmPassword: expect.any(String) } },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ mustChangePassword: true });

    expect(await change({ currentPassword: temporary, newPassword: "my-own-password", confirmPassword: "my-own-password" })).toEqual({ ok: true, data: undefined });

    expect(await pageSees(session)).toBe("signin");
    expect(await authorize(target.email, temporary)).toBeNull();
    const fresh = await signIn(target.email, "my-own-password");
    expect(fresh.mustChangePassword).toBe(false);
    expect(await pageSees(fresh)).toBe(target.id);
    expect((await proxyAnswer("/queue", fresh)).status).toBe(200);
  });
});

describe("last sign-in", () => {
  test("is recorded on a successful sign-in only, and listed for admins", async () => {
    const user = await createUser("MANAGER");
    const listed = async () => (await listUsers()).find((row) => row.id === user.id)!;
    expect((await listed()).lastSignInAt).toBeNull();

    expect(await authorize(user.email, "wrong password")).toBeNull();
    expect((await listed()).lastSignInAt).toBeNull();

    const before = Date.now();
    await signIn(user.email);
    const lastSignInAt = (await listed()).lastSignInAt;
    expect(lastSignInAt).not.toBeNull();
    expect(new Date(lastSignInAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(lastSignInAt!).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
