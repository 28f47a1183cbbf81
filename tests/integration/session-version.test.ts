import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { endSessionsAction, updateUserAction } from "@/lib/server/admin/user-actions";
import { authOptions } from "@/lib/server/auth/auth";
import { requireUser } from "@/lib/server/auth/require-user";
import { createUser } from "../support/factories";
import { asUser, signInAs } from "../support/sign-in";

const PASSWORD = "correct horse battery";

/** Signs in through the credentials provider and the jwt callback, as the browser would. */
async function freshSession(email: string) {
  const options = authOptions();
  const credentials = options.providers[0] as unknown as { options: { authorize: (input: unknown) => Promise<User | null> } };
  const user = await credentials.options.authorize({ email, password: PASSWORD });
  if (!user) throw new Error(`${email} could not sign in`);
  const token = (await options.callbacks!.jwt!({ token: {}, user, account: null })) as JWT;
  return { id: token.sub!, sessionVersion: token.sessionVersion };
}

/** requireUser either returns the user or redirects (throws) to the sign-in page. */
async function pageSees(session: { id: string; sessionVersion?: number }) {
  return asUser(session, () => requireUser()).then(
    (user) => user.id,
    (error: unknown) => (String((error as { digest?: string }).digest).includes("/signin") ? "signin" : Promise.reject(error)),
  );
}

/** A harmless admin action: the target's sessions are ended again. */
function actionAs(session: { id: string; sessionVersion?: number }, targetId: string) {
  return asUser(session, () => endSessionsAction({ userId: targetId }));
}

describe("a session ends for good", () => {
  test("after sign-out the old session is refused by pages and actions, a fresh sign-in works", async () => {
    const admin = await createUser("ADMIN");
    const other = await createUser("SALES");
    const old = await freshSession(admin.email);
    expect(await pageSees(old)).toBe(admin.id);

    await authOptions().events!.signOut!({ token: { sub: admin.id }, session: null as never });

    expect(await pageSees(old)).toBe("signin");
    expect(await actionAs(old, other.id)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const fresh = await freshSession(admin.email);
    expect(await pageSees(fresh)).toBe(admin.id);
    expect(await actionAs(fresh, other.id)).toMatchObject({ ok: true });
  });

  test("deactivating a user ends their sessions, also after reactivation", async () => {
    const admin = await createUser("ADMIN");
    const target = await createUser("ADMIN");
    const old = await freshSession(target.email);
    signInAs(admin);
    expect(await updateUserAction({ userId: target.id, active: false })).toMatchObject({ ok: true });
    expect(await updateUserAction({ userId: target.id, active: true })).toMatchObject({ ok: true });

    expect(await pageSees(old)).toBe("signin");
    expect(await actionAs(old, admin.id)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await pageSees(await freshSession(target.email))).toBe(target.id);
  });

  test("an admin's End sessions ends the other user's sessions, but not their own", async () => {
    const admin = await createUser("ADMIN");
    const target = await createUser("ADMIN");
    const old = await freshSession(target.email);
    const adminSession = await freshSession(admin.email);

    expect(await actionAs(adminSession, target.id)).toMatchObject({ ok: true });
    expect(await actionAs(adminSession, admin.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(await pageSees(old)).toBe("signin");
    expect(await actionAs(old, admin.id)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await pageSees(adminSession)).toBe(admin.id);
    expect(await pageSees(await freshSession(target.email))).toBe(target.id);
  });
});
