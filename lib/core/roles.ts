export const ROLES = ["ADMIN", "MANAGER", "MARKETER", "SALES"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MANAGER: "Manager",
  MARKETER: "Marketer",
  SALES: "Sales rep",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
