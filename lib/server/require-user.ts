import "server-only";
import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH } from "@/lib/core/password-change";
import type { Role } from "@/lib/core/roles";
import type { CurrentUser } from "./current-user";
import { sessionUser } from "./current-user";

/** For pages: the signed-in, active user, or a redirect to sign-in (or to the password change they owe). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await sessionUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages only some roles may open; others are sent to the board. */
export async function requireRole(roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/board?denied=1");
  return user;
}
