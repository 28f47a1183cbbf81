import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { hashPassword } from "../../lib/server/auth/password";
import { ensureActiveRuleSet } from "../../lib/server/scoring/rule-sets";
import { DEMO_PASSWORD, DEMO_USERS, DISQUALIFICATION_REASONS } from "./demo-users";
import { generateDemoDataset } from "./history";
import { insertDataset } from "./insert";

/** Recent leads, created over the 90 days before the anchor: the live funnel, queues and SLA. */
export const DEMO_LEAD_COUNT = 1_000;
/** Past leads with outcomes, created 100–450 days before the anchor: what the scoring lab learns from. */
export const DEMO_HISTORY_COUNT = 2_500;

/** The start of today (UTC): the demo's "now", so one day's seeds are identical. */
export function demoAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function isEmpty(db: PrismaClient): Promise<boolean> {
  const [users, leads] = await Promise.all([db.user.count(), db.lead.count()]);
  return users === 0 && leads === 0;
}

/**
 * Seeds the demo users, reference lists, `leadCount` recent leads and `historyCount` past leads
 * (prisma/seed/history.ts) in one transaction, then the default scoring rules unless rules exist.
 */
export async function seedDemo(db: PrismaClient, options: { leadCount?: number; historyCount?: number; anchor?: Date } = {}): Promise<{ leads: number; pastLeads: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const leadCount = options.leadCount ?? DEMO_LEAD_COUNT;
  const historyCount = options.historyCount ?? DEMO_HISTORY_COUNT;
  const dataset = generateDemoDataset({ leadCount, historyCount, anchor: options.anchor ?? demoAnchor() });
  await db.$transaction(
    async (tx) => {
      const users = await Promise.all(DEMO_USERS.map((user) => tx.user.create({ data: { ...user, passwordHash } })));
      const idOf = (email: string) => users.find((user) => user.email === email)!.id;
      // A clean start (LEADGATE_DEMO=off) may have installed them already.
      if ((await tx.disqualificationReason.count()) === 0) {
        await tx.disqualificationReason.createMany({ data: DISQUALIFICATION_REASONS.map((reason, sortOrder) => ({ ...reason, sortOrder })) });
      }
      await insertDataset(tx, dataset, {
        marketerId: idOf("marketer@leadgate.test"),
        managerId: idOf("manager@leadgate.test"),
        salesRepIds: [idOf("sales@leadgate.test"), idOf("sales2@leadgate.test")],
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // In a transaction of its own, on the store's connection: one opened inside the seed's would wait for it.
  await ensureActiveRuleSet();
  return { leads: leadCount, pastLeads: historyCount };
}
