import type { ReactElement, ReactNode } from "react";
import { beforeAll, describe, expect, test, vi } from "vitest";
import AppLayout from "@/app/(app)/layout";
import Home from "@/app/page";
import SignInPage from "@/app/signin/page";
import { AppHeader } from "@/components/layout/app-header";
import { SignInForm } from "@/components/auth/sign-in-form";
import type { Stage } from "@/lib/core/stages";
import { db } from "@/lib/server/store/db";
import { navCounts } from "@/lib/server/funnel/nav-counts";
import { loadReviewQueue } from "@/lib/server/funnel/review-queue";
import { loadSalesQueue, parseQueueQuery } from "@/lib/server/funnel/sales-queue";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { asUser, signInAs } from "../support/sign-in";

// The sign-in page reads the host to tell a same-origin callback from another site.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3100" }) }));

const HOUR = 3_600_000;
let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

/** Where a page redirected to (Next's redirect() throws with the target in its digest), or "no redirect". */
async function redirectOf(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "no redirect";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest);
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

/** The first element of the given component in a rendered tree (server components are not called). */
function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> | null {
  if (Array.isArray(node)) return node.map((child: ReactNode) => findElement(child, type)).find(Boolean) ?? null;
  if (!node || typeof node !== "object" || !("props" in node)) return null;
  const element = node as ReactElement<{ children?: ReactNode }>;
  return element.type === type ? (element as ReactElement<Record<string, unknown>>) : findElement(element.props.children, type);
}

const signInPage = (callbackUrl?: string) => SignInPage({ searchParams: Promise.resolve(callbackUrl === undefined ? {} : { callbackUrl }) });

describe("each role lands where its work is", () => {
  test.each([
    ["marketer", "/review"],
    ["rep", "/queue"],
    ["manager", "/dashboard"],
    ["admin", "/admin/users"],
  ] as const)("/ sends the %s to %s, and so does signing in without a callback", async (who, home) => {
    expect(await redirectOf(() => asUser(users[who], () => Home()))).toBe(home);
    expect(await redirectOf(() => asUser(users[who], () => signInPage()))).toBe(home);
  });

  test("a safe callback still wins over the home; an unsafe one falls back to it", async () => {
    expect(await redirectOf(() => asUser(users.rep, () => signInPage("/board?owner=me")))).toBe("/board?owner=me");
    expect(await redirectOf(() => asUser(users.rep, () => signInPage("//evil.example/queue")))).toBe("/queue");
  });

  test("signed out, / asks for a sign-in, and the form then goes to / to find the home", async () => {
    signInAs(null);
    expect(await redirectOf(() => Home())).toBe("/signin");
    expect(findElement(await signInPage(), SignInForm)?.props.callbackUrl).toBe("/");
    expect(findElement(await signInPage("/leads?stage=SQL"), SignInForm)?.props.callbackUrl).toBe("/leads?stage=SQL");
  });
});

describe("the navigation's counts", () => {
  const now = new Date();

  async function leadIn(stage: Stage, ownerId: string | null, options: { hoursAgo?: number; totalScore?: number } = {}) {
    const lead = await createLead({ stage, ownerId, totalScore: options.totalScore });
    await db.lead.update({ where: { id: lead.id }, data: { stageEnteredAt: new Date(now.getTime() - (options.hoursAgo ?? 1) * HOUR) } });
  }

  beforeAll(async () => {
    // The default rules put the MQL threshold at 80: the review lists LEADs scoring 60 or more.
    for (const totalScore of [60, 75, 79]) await leadIn("LEAD", null, { totalScore });
    await leadIn("LEAD", null, { totalScore: 59 });
    await leadIn("MQL", users.rep.id, { totalScore: 95 });
    // The SLA is 24 hours by default.
    for (const hoursAgo of [25, 48]) await leadIn("MQL", users.rep.id, { hoursAgo });
    await leadIn("MQL", users.rep.id, { hoursAgo: 23 });
    await leadIn("MQL", null, { hoursAgo: 30 });
    await leadIn("MQL", users.otherRep.id, { hoursAgo: 30 });
    await leadIn("SAL", users.rep.id, { hoursAgo: 100 });
  });

  test("marketers see the LEADs near or over the threshold, as the review's first tab counts them", async () => {
    const counts = await navCounts({ id: users.marketer.id, role: "MARKETER" }, now);
    expect(counts).toEqual({ review: 3, overdue: null });
    expect((await loadReviewQueue({ tab: "near", page: 1, userId: users.marketer.id, now })).counts.near).toBe(counts.review);
  });

  test("a rep sees their own and the unassigned MQLs past the SLA, as their queue counts them", async () => {
    const rep = { id: users.rep.id, role: "SALES" as const };
    const counts = await navCounts(rep, now);
    expect(counts).toEqual({ review: null, overdue: 3 });
    expect((await loadSalesQueue(parseQueueQuery({}, rep, []), rep, now)).overdue).toBe(counts.overdue);
    expect(await navCounts({ id: users.otherRep.id, role: "SALES" }, now)).toEqual({ review: null, overdue: 2 });
  });

  test("managers see both, over every rep's MQLs; admins, who work neither page, see none", async () => {
    const manager = { id: users.manager.id, role: "MANAGER" as const };
    const counts = await navCounts(manager, now);
    expect(counts).toEqual({ review: 3, overdue: 4 });
    expect((await loadSalesQueue(parseQueueQuery({}, manager, []), manager, now)).overdue).toBe(counts.overdue);
    expect(await navCounts({ id: users.admin.id, role: "ADMIN" }, now)).toEqual({ review: null, overdue: null });
  });

  test("the app's header gets the signed-in user's counts", async () => {
    const layout = await asUser(users.rep, () => AppLayout({ children: null }));
    expect(findElement(layout, AppHeader)?.props.counts).toEqual({ review: null, overdue: 3 });
  });
});
