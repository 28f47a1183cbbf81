import Link from "next/link";
import { DASHBOARD_ROLES } from "@/components/dashboard/dashboard-access";
import { CSV_IMPORT_ROLES } from "@/lib/core/csv-import";
import { ROLE_LABELS } from "@/lib/core/roles";
import type { CurrentUser } from "@/lib/server/current-user";
import { LeadgateLogo } from "./leadgate-logo";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex h-14 items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href="/board" aria-label="Leadgate home">
          <LeadgateLogo />
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
          <NavLink href="/board">Funnel board</NavLink>
          {DASHBOARD_ROLES.includes(user.role) && <NavLink href="/dashboard">Dashboard</NavLink>}
          <NavLink href="/leads">Leads</NavLink>
          {(user.role === "MARKETER" || user.role === "MANAGER") && <NavLink href="/review">MQL review</NavLink>}
          {(user.role === "SALES" || user.role === "MANAGER") && <NavLink href="/queue">Sales queue</NavLink>}
          {(user.role === "MARKETER" || user.role === "MANAGER") && <NavLink href="/settings/scoring">Scoring</NavLink>}
          {(user.role === "MANAGER" || user.role === "ADMIN") && <NavLink href="/settings/workflow">Workflow</NavLink>}
          {CSV_IMPORT_ROLES.includes(user.role) && <NavLink href="/import">Import</NavLink>}
          {user.role === "ADMIN" && <NavLink href="/admin/users">Users</NavLink>}
          {user.role === "ADMIN" && <NavLink href="/admin/api-keys">API keys</NavLink>}
          {user.role !== "SALES" && <NavLink href="/api-docs">API</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-3">
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
