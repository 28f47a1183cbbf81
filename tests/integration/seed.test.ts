import { describe, expect, test } from "vitest";
import { STAGES } from "@/lib/core/stages";
import { db } from "@/lib/server/db";
import { generateDataset } from "@/prisma/seed/generate";
import { DEMO_LEAD_COUNT, isEmpty, seedDemo } from "@/prisma/seed/seed-demo";

const anchor = new Date("2026-11-24T00:00:00Z");

describe("the demo seed", () => {
  test("is deterministic for a given day", () => {
    const first = generateDataset({ count: 200, anchor });
    const second = generateDataset({ count: 200, anchor });
    expect(second).toEqual(first);
    expect(generateDataset({ count: 200, anchor, seed: 7 }).leads[0].email).not.toBe(first.leads[0].email);
  });

  test("fills an empty database with the demo users and about 1,000 leads over 90 days across the funnel", async () => {
    expect(await isEmpty(db)).toBe(true);
    await seedDemo(db, { anchor });
    expect(await isEmpty(db)).toBe(false);
    expect(await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true } })).toEqual([
      { email: "admin@leadgate.test", role: "ADMIN" },
      { email: "manager@leadgate.test", role: "MANAGER" },
      { email: "marketer@leadgate.test", role: "MARKETER" },
      { email: "sales2@leadgate.test", role: "SALES" },
      { email: "sales@leadgate.test", role: "SALES" },
    ]);
    expect(await db.lead.count()).toBe(DEMO_LEAD_COUNT);
    const byStage = await db.lead.groupBy({ by: ["stage"], _count: true });
    expect(byStage.map((row) => row.stage).sort()).toEqual([...STAGES].sort());
    for (const row of byStage) expect(row._count).toBeGreaterThan(20);

    const oldest = await db.lead.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    expect(anchor.getTime() - oldest.createdAt.getTime()).toBeLessThanOrEqual(90 * 24 * 3600 * 1000);
    expect(await db.event.count()).toBeGreaterThan(5 * DEMO_LEAD_COUNT);

    // Every lead past LEAD got there through recorded transitions, ending in its current stage.
    const sal = await db.lead.findFirstOrThrow({ where: { stage: "SAL" }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(sal.transitions.map((t) => t.toStage)).toEqual(["MQL", "SAL"]);
    expect(sal.ownerId).not.toBeNull();
    expect(sal.transitions[1].actorId).toBe(sal.ownerId);

    // History ends at the anchor: nothing happened "in the future".
    expect(await db.stageTransition.count({ where: { createdAt: { gt: anchor } } })).toBe(0);
    expect(await db.event.count({ where: { occurredAt: { gt: anchor } } })).toBe(0);

    // Open MQLs were routed to a rep and are recent: some inside the 24 h response SLA, some past it.
    const mqls = await db.lead.findMany({ where: { stage: "MQL" }, select: { ownerId: true, stageEnteredAt: true, assignments: { select: { rule: true } } } });
    expect(mqls.every((lead) => lead.ownerId !== null && lead.assignments.some((assignment) => assignment.rule === "Round robin"))).toBe(true);
    const waitedHours = mqls.map((lead) => (anchor.getTime() - lead.stageEnteredAt.getTime()) / 3_600_000);
    expect(Math.max(...waitedHours)).toBeLessThanOrEqual(30);
    expect(waitedHours.filter((hours) => hours > 24).length).toBeGreaterThan(0);
    expect(waitedHours.filter((hours) => hours < 12).length).toBeGreaterThan(0);
    // Leads sales sent back carry the mark that keeps the score from promoting them again on its own.
    const returned = await db.lead.findMany({ where: { returnedAt: { not: null } }, select: { stage: true, transitions: { where: { move: "reject" } } } });
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((lead) => lead.stage === "LEAD" && lead.transitions.length > 0)).toBe(true);
  });
});
