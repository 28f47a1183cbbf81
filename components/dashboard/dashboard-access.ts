import type { Role } from "@/lib/core/roles";

/**
 * Who may open the dashboard: managers and admins watch the funnel; marketers too, because the
 * sources, campaigns and score calibration answer their questions. Sales reps work their queue.
 */
export const DASHBOARD_ROLES: readonly Role[] = ["MANAGER", "ADMIN", "MARKETER"];
