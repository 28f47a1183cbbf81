import type { ReactElement, ReactNode } from "react";
import { beforeAll, describe, expect, test, vi } from "vitest";
import AdminApiKeysPage from "@/app/(app)/admin/api-keys/page";
import AdminUsersPage from "@/app/(app)/admin/users/page";
import AdminWebhooksPage from "@/app/(app)/admin/webhooks/page";
import ApiDocsPage from "@/app/(app)/api-docs/page";
import BoardPage from "@/app/(app)/board/page";
import DashboardPage from "@/app/(app)/dashboard/page";
import ImportPage from "@/app/(app)/import/page";
import LeadsPage from "@/app/(app)/leads/(list)/page";
import QueuePage from "@/app/(app)/queue/page";
import ReviewPage from "@/app/(app)/review/page";
import ScoringPage from "@/app/(app)/settings/scoring/page";
import TrackingPage from "@/app/(app)/settings/tracking/page";
import WorkflowPage from "@/app/(app)/settings/workflow/page";
import { AppHeader } from "@/components/layout/app-header";
import { NavLink } from "@/components/layout/nav-link";
import type { Role } from "@/lib/core/roles";
import { navCounts } from "@/lib/server/funnel/nav-counts";
import type { Team } from "../support/factories";
import { createTeam } from "../support/factories";
import { asUser } from "../support/sign-in";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3100" }) }));

type PageProps = { searchParams: Promise<Record<string, string>> };
const PAGES: Record<string, (props: PageProps) => Promise<unknown>> = {
  "/board": BoardPage as (props: PageProps) => Promise<unknown>,
  "/dashboard": DashboardPage as (props: PageProps) => Promise<unknown>,
  "/leads": LeadsPage as (props: PageProps) => Promise<unknown>,
  "/review": ReviewPage as (props: PageProps) => Promise<unknown>,
  "/queue": QueuePage as (props: PageProps) => Promise<unknown>,
  "/settings/scoring": ScoringPage as (props: PageProps) => Promise<unknown>,
  "/settings/workflow": WorkflowPage as (props: PageProps) => Promise<unknown>,
  "/import": ImportPage as (props: PageProps) => Promise<unknown>,
  "/settings/tracking": TrackingPage as (props: PageProps) => Promise<unknown>,
  "/admin/users": AdminUsersPage as (props: PageProps) => Promise<unknown>,
  "/admin/api-keys": AdminApiKeysPage as (props: PageProps) => Promise<unknown>,
  "/admin/webhooks": AdminWebhooksPage as (props: PageProps) => Promise<unknown>,
  "/api-docs": ApiDocsPage as (props: PageProps) => Promise<unknown>,
};

const ROLE_USERS: Record<Role, keyof Team> = { ADMIN: "admin", MANAGER: "manager", MARKETER: "marketer", SALES: "rep" };
let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

function navLinks(node: ReactNode): string[] {
  if (Array.isArray(node)) return node.flatMap(navLinks);
  if (!node || typeof node !== "object" || !("props" in node)) return [];
  const element = node as ReactElement<{ href?: string; children?: ReactNode }>;
  return element.type === NavLink ? [element.props.href!] : navLinks(element.props.children);
}

/** Whether the page lets the user in: it renders, or redirects anywhere but away with "denied" (the lead table adds its default view). */
async function admits(page: (props: PageProps) => Promise<unknown>): Promise<boolean> {
  try {
    await page({ searchParams: Promise.resolve({}) });
    return true;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest);
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] !== "/board?denied=1";
  }
}

describe("the navigation and the pages agree", () => {
  test.each(Object.keys(ROLE_USERS) as Role[])("a %s sees a link to exactly the pages that let them in", async (role) => {
    const user = users[ROLE_USERS[role]];
    const header = AppHeader({ user: { ...user, role }, counts: await navCounts({ id: user.id, role }) });
    const linked = navLinks(header).sort();
    const admitted: string[] = [];
    for (const [href, page] of Object.entries(PAGES)) if (await asUser(user, () => admits(page))) admitted.push(href);
    expect(linked).toEqual(admitted.sort());
  });

  test("every role reaches the API reference, from its page and from the navigation", async () => {
    for (const role of Object.keys(ROLE_USERS) as Role[]) {
      const user = users[ROLE_USERS[role]];
      expect(await asUser(user, () => admits(PAGES["/api-docs"])), role).toBe(true);
      expect(navLinks(AppHeader({ user: { ...user, role }, counts: { review: null, overdue: null } })), role).toContain("/api-docs");
    }
  });
});
