import type { Role } from "./roles";

/**
 * Where each role starts after signing in: the page with its daily work. Marketers decide what
 * becomes MQL, reps work their queue, managers watch the funnel, admins look after the users.
 * The board is in the navigation for everyone.
 */
export const ROLE_HOMES: Readonly<Record<Role, string>> = {
  ADMIN: "/admin/users",
  MANAGER: "/dashboard",
  MARKETER: "/review",
  SALES: "/queue",
};

export function roleHome(role: Role): string {
  return ROLE_HOMES[role];
}
