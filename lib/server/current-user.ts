import "server-only";
import { getServerSession } from "next-auth";
import type { Role } from "@/lib/core/roles";
import { isRole } from "@/lib/core/roles";
import { authOptions } from "./auth";
import { db } from "./db";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, read fresh from the database on every request so that a
 * deactivation, role change or ended session takes effect at once, not when the session expires.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true } });
  // A session from before sign-out, deactivation or "End sessions" carries an older version.
  if (!user || !user.active || !isRole(user.role) || session.user.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
