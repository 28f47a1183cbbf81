import { beforeAll, describe, expect, test } from "vitest";
import { createUserAction, updateUserAction } from "@/lib/server/admin/user-actions";
import { authOptions } from "@/lib/server/auth/auth";
import { db } from "@/lib/server/store/db";
import { createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let admin: { id: string };

beforeAll(async () => {
  admin = await createUser("ADMIN");
});

const newUser = { name: "Riley Rep", email: "Riley@Example.com", role: "SALES" as const, password: "a-long-password" };

describe("admins manage users", () => {
  test("an admin creates a user who can then sign in with the hashed password", async () => {
    signInAs(admin);
    const result = await createUserAction(newUser);
    expect(result).toMatchObject({ ok: true, data: { name: "Riley Rep", email: "riley@example.com", role: "SALES", active: true } });
    const saved = await db.user.findUniqueOrThrow({ where: { email: "riley@example.com" } });
    expect(saved.passwordHash).toMatch(/^scrypt\$/);
    expect(saved.passwordHash).not.toContain("a-long-password");

    const credentials = authOptions().providers[0] as unknown as { options: { authorize: (input: unknown) => Promise<unknown> } };
    expect(await credentials.options.authorize({ email: "riley@example.com", password: "a-long-password" })).toMatchObject({ id: saved.id, role: "SALES" });
    expect(await credentials.options.authorize({ email: "riley@example.com", password: "wrong-password" })).toBeNull();
  });

  test("a duplicate e-mail is refused on the e-mail field", async () => {
    signInAs(admin);
    const result = await createUserAction({ ...newUser, email: "RILEY@example.com" });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { email: "This e-mail is already in use." } } });
  });

  test("bad input names each field", async () => {
    signInAs(admin);
    const result = await createUserAction({ name: "", email: "not-an-email", role: "WIZARD" as never, password: "short" });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password", "role"]);
  });

  test("an admin changes a role and deactivates a user, who can then no longer sign in or act", async () => {
    const marketer = await createUser("MARKETER", { password: "marketer-password" });
    signInAs(admin);
    expect(await updateUserAction({ userId: marketer.id, role: "MANAGER" })).toEqual({ ok: true, data: undefined });
    expect(await updateUserAction({ userId: marketer.id, active: false })).toEqual({ ok: true, data: undefined });
    expect(await db.user.findUniqueOrThrow({ where: { id: marketer.id } })).toMatchObject({ role: "MANAGER", active: false });

    const credentials = authOptions().providers[0] as unknown as { options: { authorize: (input: unknown) => Promise<unknown> } };
    expect(await credentials.options.authorize({ email: marketer.email, password: "marketer-password" })).toBeNull();
    signInAs(marketer);
    expect(await createUserAction(newUser)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("an admin can't demote or deactivate themselves", async () => {
    signInAs(admin);
    expect(await updateUserAction({ userId: admin.id, active: false })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await updateUserAction({ userId: admin.id, role: "SALES" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
  });
});

describe("only admins", () => {
  test.each(["MANAGER", "MARKETER", "SALES"] as const)("a %s can't create or change users", async (role) => {
    const user = await createUser(role);
    signInAs(user);
    expect(await createUserAction({ ...newUser, email: `${role}@new.example` })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await updateUserAction({ userId: user.id, role: "ADMIN" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role });
    expect(await db.user.count({ where: { email: `${role}@new.example`.toLowerCase() } })).toBe(0);
  });
});
