import "server-only";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/core/roles";
import type { CurrentUser } from "./current-user";
import { currentUser } from "./current-user";

/** For pages: the signed-in, active user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For pages only some roles may open; others are sent to the board. */
export async function requireRole(roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/board?denied=1");
  return user;
}
