import type { Role } from "@/lib/core/roles";
import type { Stage } from "@/lib/core/stages";
import { searchTextOf } from "@/lib/core/lead-search";
import { db } from "@/lib/server/store/db";
import { hashPassword } from "@/lib/server/auth/password";
import { DISQUALIFICATION_REASONS } from "@/prisma/seed/demo-users";

let sequence = 0;
const next = () => ++sequence;

export async function createUser(role: Role, overrides: { name?: string; active?: boolean; password?: string } = {}) {
  const n = next();
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}${n}@test.leadgate`,
      name: overrides.name ?? `${role} ${n}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await hashPassword(overrides.password ?? "correct horse battery"),
    },
  });
}

export async function createLead(options: { stage?: Stage; ownerId?: string | null; totalScore?: number; firstName?: string; lastName?: string; company?: string } = {}) {
  const n = next();
  const lead = { firstName: options.firstName ?? "Lead", lastName: options.lastName ?? `Number${n}`, email: `lead${n}@customer.example`, company: options.company ?? `Company ${n}` };
  return db.lead.create({
    data: {
      ...lead,
      searchText: searchTextOf(lead),
      stage: options.stage ?? "LEAD",
      ownerId: options.ownerId ?? null,
      totalScore: options.totalScore ?? 50,
    },
  });
}

/** A lead as stored, for checking what a service wrote. */
export const storedLead = (where: { id: string } | { email: string }) => db.lead.findUniqueOrThrow({ where });

export const storedEventCount = (leadId: string) => db.event.count({ where: { leadId } });

export async function createDisqualificationReasons() {
  await db.disqualificationReason.createMany({ data: DISQUALIFICATION_REASONS.map((reason, sortOrder) => ({ ...reason, sortOrder })) });
}

export const BANT_COMPLETE = { budget: true, authority: true, need: true, timeline: true };

export type Team = Record<"admin" | "manager" | "marketer" | "rep" | "otherRep", { id: string; name: string; email: string }>;

/** One user of each role (two sales reps) and the managed disqualification reasons. */
export async function createTeam(): Promise<Team> {
  await createDisqualificationReasons();
  return {
    admin: await createUser("ADMIN"),
    manager: await createUser("MANAGER", { name: "Morgan Manager" }),
    marketer: await createUser("MARKETER", { name: "Maya Marketer" }),
    rep: await createUser("SALES", { name: "Sam Sales" }),
    otherRep: await createUser("SALES", { name: "Sasha Sales" }),
  };
}

/**
 * Makes active a small rule set whose arithmetic tests follow by hand: a Software company +20, a
 * contact request +50, page views +2 each (at most 4 in 30 days), an MQL at 60. It is version 2.
 */
export async function activateSmallRuleSet() {
  await db.ruleSet.updateMany({ data: { active: false } });
  await db.ruleSet.create({
    data: {
      version: 2,
      active: true,
      rules: JSON.stringify({
        fit: [{ id: "software", label: "Software company", field: "industry", condition: { operator: "equals", value: "Software" }, points: 20 }],
        engagement: [
          { id: "demo", label: "Asked for a demo", eventType: "contact_request", points: 50 },
          { id: "views", label: "Page views", eventType: "page_view", points: 2, cap: { points: 4, windowDays: 30 } },
        ],
        disqualify: [],
        threshold: { total: 60 },
      }),
    },
  });
}
