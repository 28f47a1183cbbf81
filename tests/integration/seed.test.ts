import { describe, expect, test } from "vitest";
import { STAGES } from "@/lib/core/stages";
import { db } from "@/lib/server/store/db";
import { rescoreAllLeads } from "@/lib/server/scoring/rescore-all";
import { generateDataset } from "@/prisma/seed/generate";
import { HISTORY_MAX_AGE_DAYS, HISTORY_MIN_AGE_DAYS, generateDemoDataset } from "@/prisma/seed/history";
import { DEMO_HISTORY_COUNT, DEMO_LEAD_COUNT, isEmpty, seedDemo } from "@/prisma/seed/seed-demo";

const anchor = new Date("2026-11-24T00:00:00Z");
const DAY_MS = 24 * 3600 * 1000;
const recentLeads = { id: { startsWith: "demo" } };
const pastLeads = { id: { startsWith: "hist" } };

describe("the demo seed", () => {
  test("is deterministic for a given day", () => {
    const first = generateDataset({ count: 200, anchor });
    const second = generateDataset({ count: 200, anchor });
    expect(second).toEqual(first);
    expect(generateDataset({ count: 200, anchor, seed: 7 }).leads[0].email).not.toBe(first.leads[0].email);
    expect(generateDemoDataset({ anchor, leadCount: 100, historyCount: 100 })).toEqual(generateDemoDataset({ anchor, leadCount: 100, historyCount: 100 }));
  });

  test("fills an empty database with the demo users, about 1,000 leads over 90 days across the funnel and a year of past leads", { timeout: 90_000 }, async () => {
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
    expect(await db.lead.count({ where: recentLeads })).toBe(DEMO_LEAD_COUNT);
    expect(await db.lead.count({ where: pastLeads })).toBe(DEMO_HISTORY_COUNT);
    const byStage = await db.lead.groupBy({ by: ["stage"], _count: true });
    expect(byStage.map((row) => row.stage).sort()).toEqual([...STAGES].sort());
    for (const row of byStage) expect(row._count).toBeGreaterThan(20);

    const oldest = await db.lead.findFirstOrThrow({ where: recentLeads, orderBy: { createdAt: "asc" } });
    expect(anchor.getTime() - oldest.createdAt.getTime()).toBeLessThanOrEqual(90 * DAY_MS);
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
    const returned = await db.lead.findMany({ where: { returnedAt: { not: null } }, select: { stage: true, transitions: { where: { move: { in: ["reject", "recycle"] } } } } });
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((lead) => lead.stage === "LEAD" && lead.transitions.length > 0)).toBe(true);
  });

  test("the past leads are a year of finished history: stages in funnel order, events before the anchor, onboarding only after a win", { timeout: 60_000 }, async () => {
    const past = await db.lead.findMany({
      where: pastLeads,
      select: {
        stage: true,
        createdAt: true,
        transitions: { select: { fromStage: true, toStage: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        events: { select: { type: true, occurredAt: true } },
      },
    });
    const ages = past.map((lead) => (anchor.getTime() - lead.createdAt.getTime()) / DAY_MS);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(HISTORY_MIN_AGE_DAYS);
    expect(Math.max(...ages)).toBeLessThanOrEqual(HISTORY_MAX_AGE_DAYS);
    // Mostly finished: won, lost or disqualified; the rest stalled in nurture. None is open in a sales stage.
    const byStage = Object.fromEntries(["WON", "LOST", "DISQUALIFIED", "LEAD"].map((stage) => [stage, past.filter((lead) => lead.stage === stage).length]));
    expect(byStage.LEAD + byStage.WON + byStage.LOST + byStage.DISQUALIFIED).toBe(past.length);
    for (const stage of ["WON", "LOST", "DISQUALIFIED"]) expect(byStage[stage]).toBeGreaterThan(past.length * 0.1);
    expect(byStage.LEAD).toBeLessThan(past.length * 0.5);

    const ORDER = ["LEAD", "MQL", "SAL", "SQL", "WON"];
    let activeBeforeOutcome = 0;
    for (const lead of past) {
      let stage = "LEAD";
      let at = lead.createdAt.getTime();
      for (const transition of lead.transitions) {
        expect(transition.fromStage).toBe(stage);
        expect(transition.createdAt.getTime()).toBeGreaterThan(at);
        if (ORDER.includes(transition.toStage) && transition.toStage !== "LEAD") expect(ORDER.indexOf(transition.toStage)).toBe(ORDER.indexOf(stage) + 1);
        stage = transition.toStage;
        at = transition.createdAt.getTime();
      }
      expect(stage).toBe(lead.stage);
      expect(at).toBeLessThan(anchor.getTime());
      expect(lead.events.every((event) => event.occurredAt.getTime() < anchor.getTime() && event.occurredAt >= lead.createdAt)).toBe(true);
      const wonAt = lead.transitions.find((transition) => transition.toStage === "WON")?.createdAt.getTime();
      for (const event of lead.events.filter((event) => event.type === "onboarding_started")) expect(event.occurredAt.getTime()).toBeGreaterThan(wonAt ?? Infinity);
      if (lead.stage !== "LEAD" && lead.events.some((event) => event.occurredAt.getTime() < at)) activeBeforeOutcome++;
    }
    // Nearly every lead that ended did something first.
    expect(activeBeforeOutcome).toBeGreaterThan((past.length - byStage.LEAD) * 0.98);
  });

  test("its automatic moves lie in the past and say why: scoring the demo at set-up moves no lead", { timeout: 90_000 }, async () => {
    const seededAt = new Date();
    const summary = await rescoreAllLeads({ pauses: false });
    expect(summary).toMatchObject({ leads: DEMO_LEAD_COUNT + DEMO_HISTORY_COUNT, movedToMql: 0, disqualified: 0 });
    expect(await db.stageTransition.count({ where: { createdAt: { gte: anchor } } })).toBe(0);
    expect(await db.stageTransition.count({ where: { createdAt: { gte: seededAt } } })).toBe(0);

    // Every move without a person is the rules' doing, and its reason names the rule and the score.
    const automatic = await db.stageTransition.findMany({ where: { actorId: null }, select: { toStage: true, reason: true, lead: { select: { id: true } } } });
    expect(automatic.filter((transition) => transition.toStage === "MQL").length).toBeGreaterThan(100);
    expect(automatic.filter((transition) => transition.toStage === "DISQUALIFIED").length).toBeGreaterThan(10);
    for (const transition of automatic) {
      expect(transition.reason, transition.lead.id).toMatch(/(^Score|; score) -?\d+ \(fit -?\d+, engagement \d+\)/);
      expect(transition.reason, transition.lead.id).toMatch(/\(scoring rules v1\)$/);
      if (transition.toStage === "MQL") expect(transition.reason, transition.lead.id).toContain("reached the MQL threshold of 80 with fit at least 15");
      else expect(transition.reason, transition.lead.id).toMatch(/^Disqualified by the rule "[^"]+"/);
    }
  });
});
