import Link from "next/link";
import { can } from "@/lib/core/permissions";
import { roleHome } from "@/lib/core/role-home";
import { ROLE_LABELS } from "@/lib/core/roles";
import type { CurrentUser } from "@/lib/views/auth";
import type { NavCounts } from "@/lib/views/funnel";
import { LeadgateLogo } from "./leadgate-logo";
import { MainNav } from "./main-nav";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";

export function AppHeader({ user, counts }: { user: CurrentUser; counts: NavCounts }) {
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="flex h-14 items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href={roleHome(user.role)} aria-label="Leadgate home" className="shrink-0">
          <LeadgateLogo />
        </Link>
        <MainNav>
          <NavLink href="/board">Funnel board</NavLink>
          {can(user.role, "dashboard.view") && <NavLink href="/dashboard">Dashboard</NavLink>}
          <NavLink href="/leads">Leads</NavLink>
          {counts.review !== null && (
            <NavLink href="/review" count={{ count: counts.review, noun: "waiting" }}>
              MQL review
            </NavLink>
          )}
          {counts.overdue !== null && (
            <NavLink href="/queue" count={{ count: counts.overdue, noun: "overdue" }}>
              Sales queue
            </NavLink>
          )}
          {can(user.role, "scoring.editRules") && <NavLink href="/settings/scoring">Scoring</NavLink>}
          {can(user.role, "workflow.edit") && <NavLink href="/settings/workflow">Workflow</NavLink>}
          {can(user.role, "import.run") && <NavLink href="/import">Import</NavLink>}
          {can(user.role, "tracking.view") && <NavLink href="/settings/tracking">Tracking</NavLink>}
          {can(user.role, "users.manage") && <NavLink href="/admin/users">Users</NavLink>}
          {can(user.role, "apiKeys.manage") && <NavLink href="/admin/api-keys">API keys</NavLink>}
          {can(user.role, "webhooks.manage") && <NavLink href="/admin/webhooks">Webhooks</NavLink>}
          {can(user.role, "apiDocs.view") && <NavLink href="/api-docs">API</NavLink>}
        </MainNav>
        <div className="ml-auto flex shrink-0 items-center gap-3">
          <NotificationBell />
          <div className="hidden text-right leading-tight sm:block">
            <p className="text-sm font-medium" data-testid="current-user">
              {user.name}
            </p>
            <p className="text-xs text-slate-500">{ROLE_LABELS[user.role]}</p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
