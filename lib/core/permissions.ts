import type { Move } from "./funnel";
import { MOVE_TABLE } from "./funnel";
import type { Role } from "./roles";
import { ROLES } from "./roles";

const EVERYONE = ROLES;

/** The roles the funnel's move table lets make a move (ignoring ownership, which the move service checks). */
function rolesMaking(moves: (move: Move) => boolean): readonly Role[] {
  return ROLES.filter((role) => MOVE_TABLE.some((rule) => moves(rule.move) && rule.permissions.some((permission) => permission.role === role)));
}

/**
 * Who may attempt each thing a user can do. Server actions, pages, route handlers, services and
 * the navigation all read this table, so a page's link shows exactly where the page lets you in.
 * It says who may try; what a move needs and whose lead it may be stay with the funnel
 * (lib/core/funnel.ts) and the services that check ownership.
 */
export const PERMISSIONS = {
  /** The board, the lead table, a lead's page, their "load more" and live updates. */
  "leads.view": EVERYONE,
  /** The lead table's CSV export, of the selected rows or everything matching the filter. */
  "leads.export": EVERYONE,
  /** Saving, updating and deleting views of the lead table (the service checks whose view it is). */
  "views.save": EVERYONE,
  /**
   * Asking for a move of one lead: the funnel's move table decides which moves each role makes,
   * so everyone may ask and is told why not (an admin learns who may).
   */
  "leads.move": EVERYONE,
  /** Moving the selected leads in bulk: whoever the funnel's move table names for some move. */
  "leads.bulkMove": rolesMaking(() => true),
  /** Giving leads to a sales rep in bulk, or reassigning one from the sales queue. */
  "leads.assign": ["MANAGER"],
  /** Logging an event seen in person (a badge scan, a business card), scored like any other. */
  "leads.logEvent": ["MARKETER", "MANAGER", "SALES"],
  /** Adding notes and logging calls, e-mails and meetings. Admins manage the workspace but don't work leads. */
  "leads.logActivity": ["MARKETER", "MANAGER", "SALES"],
  /** Having leads of one's own: listed as an owner in filters, "My leads" on the board. */
  "leads.own": ["SALES", "MANAGER"],
  /** Being given MQLs: by routing, a manager's assignment or a manager accepting on one's behalf. */
  "leads.receive": ["SALES"],
  /** The MQL review and its score explanations. */
  "review.work": ["MARKETER", "MANAGER"],
  /** The sales queue. */
  "queue.work": ["SALES", "MANAGER"],
  /** Every rep's queue and overdue MQLs rather than one's own. */
  "queue.viewAllReps": ["MANAGER"],
  /** Managers and admins watch the funnel; marketers too, for sources, campaigns and score calibration. */
  "dashboard.view": ["MANAGER", "ADMIN", "MARKETER"],
  /** The scoring rules: preview, save, restore a version. */
  "scoring.editRules": ["MARKETER", "MANAGER"],
  /** The scoring lab: backtests, suggestions, training and activating models. */
  "scoringLab.use": ["MARKETER", "MANAGER"],
  /** The lab's team defaults, also what models are trained with: a manager's decision. */
  "scoringLab.setDefaults": ["MANAGER"],
  /** Importing CSV files and following one's own imports. */
  "import.run": ["MARKETER", "MANAGER", "ADMIN"],
  /** Following anyone's import, its bad rows included. */
  "import.viewOthers": ["MANAGER", "ADMIN"],
  /** Routing, the SLA, the qualification checklist and the reason lists. */
  "workflow.edit": ["MANAGER", "ADMIN"],
  "users.manage": ["ADMIN"],
  "apiKeys.manage": ["ADMIN"],
  /** The website tracking snippet with the sites' write keys, to paste into a site. */
  "tracking.view": ["ADMIN", "MANAGER", "MARKETER"],
  /** Making and revoking write keys, and listing the sites each sends from. */
  "writeKeys.manage": ["ADMIN"],
  /** Webhook endpoints, their deliveries and replays. */
  "webhooks.manage": ["ADMIN"],
  /** The API reference. */
  "apiDocs.view": EVERYONE,
  /** Choosing which of one's notifications also go by e-mail. */
  "account.emailNotices": EVERYONE,
  /** Changing one's own password (the only thing someone with a temporary password may do). */
  "account.changePassword": EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles that have the permission, for queries that select people by what they may do. */
export function rolesWith(permission: Permission): Role[] {
  return [...PERMISSIONS[permission]];
}

/** Whether the role may make the move on some lead (the funnel's table; ownership aside). */
export function canMakeMove(role: Role, move: Move): boolean {
  return rolesMaking((candidate) => candidate === move).includes(role);
}
