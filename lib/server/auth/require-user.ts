import "server-only";
import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH } from "@/lib/core/password-change";
import type { Permission } from "@/lib/core/permissions";
import { can } from "@/lib/core/permissions";
import type { CurrentUser } from "@/lib/views/auth";
import { sessionUser } from "./current-user";

/** For pages: the signed-in, active user, or a redirect to sign-in (or to the password change they owe). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await sessionUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages only some roles may open (lib/core/permissions.ts); others are sent to the board. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) redirect("/board?denied=1");
  return user;
}
