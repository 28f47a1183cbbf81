/*
 * What the settings pages and the reason and user pickers show: plain types shared by the services
 * that build them and the components that render them.
 */

import type { Role } from "@/lib/core/roles";

// Built by lib/server/settings/reason-lists.ts.
/** A reason as managers see it: `uses` counts the moves that name it. */
export type ReasonRow = { id: string; code: string; label: string; active: boolean; uses: number };

// Built by lib/server/settings/reference-data.ts.
export type ReasonOption = { code: string; label: string };
export type UserOption = { id: string; name: string; role: Role };
