import "server-only";
import { getServerSession } from "next-auth";
import { isRole } from "@/lib/core/roles";
import type { CurrentUser } from "@/lib/views/auth";
import { userStore } from "../admin/user-store";
import { authOptions } from "./auth";
import { reads } from "../store/database";

/** A valid session's user, who may still owe a password change (an admin reset their password). */
export type SessionUser = CurrentUser & { mustChangePassword: boolean };

/**
 * The user of a valid session, read fresh from the database on every request so that a
 * deactivation, role change, ended session or password reset takes effect at once, not when
 * the session expires.
 */
export async function sessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await userStore.sessionUser(reads(), id);
  // A session from before sign-out, deactivation, "End sessions" or a password change carries an older version.
  if (!user || !user.active || !isRole(user.role) || session.user.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
}

/**
 * The signed-in user who may use the app. Someone signed in with a temporary password counts
 * as nobody here until they have changed it, so no page, route or action can forget the check.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const user = await sessionUser();
  if (!user || user.mustChangePassword) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
