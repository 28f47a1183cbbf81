/*
 * What the pages show of the signed-in user: plain types shared by the services that build them and
 * the components that render them.
 */

import type { Role } from "@/lib/core/roles";

// Built by lib/server/auth/current-user.ts.
export type CurrentUser = { id: string; email: string; name: string; role: Role };
