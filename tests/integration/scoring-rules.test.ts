import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import type { ScoringRules } from "@/lib/core/scoring/types";
import { getJobAction, previewRulesAction, restoreRuleSetAction, saveRulesAction } from "@/lib/server/scoring/scoring-rule-actions";
import { db } from "@/lib/server/store/db";
import { listRuleSetVersions } from "@/lib/server/scoring/rule-sets";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

// Small enough to follow by hand: no decay, one fit rule, a capped page view.
const SIMPLE: ScoringRules = {
  fit: [{ id: "software", label: "Software company", field: "industry", condition: { operator: "equals", value: "Software" }, points: 20 }],
  engagement: [
    { id: "demo", label: "Asked for a demo", eventType: "contact_request", points: 50 },
    { id: "views", label: "Page views", eventType: "page_view", points: 1, cap: { points: 4, windowDays: 30 } },
  ],
  disqualify: [{ id: "competitor", label: "Competitor", field: "emailDomain", condition: { operator: "in", values: ["competitor.example"] }, action: "disqualify", reasonCode: "competitor" }],
  threshold: { total: 60 },
};

const withViews = (points: number, cap: number) => SIMPLE.engagement.map((rule) => (rule.id === "views" ? { ...rule, points, cap: { points: cap, windowDays: 30 } } : rule));

async function waitForJob(jobId: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const polled = await getJobAction({ jobId });
    if (!polled.ok) throw new Error(polled.error.message);
    if (polled.data.status === "done" || polled.data.status === "failed") return polled.data;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Job ${jobId} did not finish`);
}

async function saveAndWait(rules: unknown, note?: string) {
  const saved = await saveRulesAction({ rules, note });
  if (!saved.ok) throw new Error(saved.error.message);
  const job = await waitForJob(saved.data.jobId);
  expect(job.status).toBe("done");
  return { version: saved.data.version, job };
}

async function leadWith(options: { industry?: string; email?: string; stage?: "LEAD" | "MQL"; events?: Record<string, number> }) {
  const lead = await createLead({ stage: options.stage });
  await db.lead.update({ where: { id: lead.id }, data: { industry: options.industry ?? null, ...(options.email ? { email: options.email } : {}) } });
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  for (const [type, count] of Object.entries(options.events ?? {})) {
    await db.event.createMany({ data: Array.from({ length: count }, () => ({ leadId: lead.id, type, occurredAt: yesterday })) });
  }
  return lead;
}

describe("rule sets are versioned", () => {
  test("saving creates the next version as the only active one and starts a re-score", async () => {
    signInAs(users.marketer);
    const { version, job } = await saveAndWait(SIMPLE, "  Simpler rules for the test  ");
    expect(version).toBe(2);
    expect(job).toMatchObject({ kind: "rescore", status: "done", result: { ruleSetVersion: 2 } });
    const versions = await listRuleSetVersions();
    expect(versions.map(({ version, active, note, createdByName }) => ({ version, active, note, createdByName }))).toEqual([
      { version: 2, active: true, note: "Simpler rules for the test", createdByName: "Maya Marketer" },
      { version: 1, active: false, note: "Default rules", createdByName: null },
    ]);
  });

  test("invalid rules come back keyed by the setting they concern, and nothing is saved", async () => {
    signInAs(users.manager);
    const broken = {
      ...SIMPLE,
      fit: [{ ...SIMPLE.fit[0], condition: { operator: "range" } }],
      engagement: [...SIMPLE.engagement, { id: "webinar", label: "Webinar", eventType: "webinar_attended", points: 1.5 }],
    };
    const result = await saveRulesAction({ rules: broken });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!result.ok) {
      expect(result.error.fieldErrors).toEqual({
        "fit.0.condition.min": "Give a minimum, a maximum or both.",
        "engagement.2.points": "Points must be a whole number between -1000 and 1000.",
      });
    }
    const unknownReason = { ...SIMPLE, disqualify: [{ ...SIMPLE.disqualify[0], reasonCode: "retired_reason" }] };
    const refused = await saveRulesAction({ rules: unknownReason });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { "disqualify.0.reasonCode": '"retired_reason" is not an active disqualification reason.' } } });
    expect(await previewRulesAction({ rules: broken })).toMatchObject({ ok: false, error: { fieldErrors: { "engagement.2.points": expect.any(String) } } });
    expect(await db.ruleSet.count()).toBe(2);
    expect(await db.backgroundJob.count()).toBe(1);
  });

  test("a save while a re-score runs is refused with a clear message, and nothing is saved", async () => {
    const running = await db.backgroundJob.create({ data: { kind: "rescore", status: "running" } });
    signInAs(users.marketer);
    const result = await saveRulesAction({ rules: SIMPLE });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("still being re-scored"), details: { jobId: running.id } } });
    expect(await restoreRuleSetAction({ version: 1 })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.ruleSet.count()).toBe(2);
    await db.backgroundJob.update({ where: { id: running.id }, data: { status: "done" } });
  });
});

describe("only marketers and managers", () => {
  test.each(["SALES", "ADMIN"] as const)("a %s can't preview, save, restore or follow a re-score", async (role) => {
    const job = await db.backgroundJob.findFirstOrThrow({ where: { kind: "rescore" } });
    signInAs(role === "SALES" ? users.rep : users.admin);
    const forbidden = { ok: false, error: { code: "FORBIDDEN" } };
    expect(await previewRulesAction({ rules: SIMPLE })).toMatchObject(forbidden);
    expect(await saveRulesAction({ rules: SIMPLE })).toMatchObject(forbidden);
    expect(await restoreRuleSetAction({ version: 1 })).toMatchObject(forbidden);
    expect(await getJobAction({ jobId: job.id })).toMatchObject(forbidden);
    expect(await db.ruleSet.count()).toBe(2);
  });
});

describe("the preview", () => {
  test("counts what saving would do, scoring every lead both ways without writing", async () => {
    // Active (v2): Software 20, demo 50, 1 point per page view capped at 4, MQL at 60.
    // Candidate: 5 points per page view capped at 25, an unsubscribe costs 15, MQL at 40.
    const candidate: ScoringRules = {
      ...SIMPLE,
      engagement: [...withViews(5, 25), { id: "unsubscribe", label: "Unsubscribed", eventType: "unsubscribe", points: -15 }],
      threshold: { total: 40 },
    };
    await leadWith({ events: { page_view: 2 } }); // 2 → 10: up
    const b = await leadWith({ industry: "Software", events: { page_view: 4 } }); // 24 → 40: up, becomes MQL
    await leadWith({ industry: "Software", stage: "MQL", events: { page_view: 5 } }); // 24 → 45: up, already MQL
    await leadWith({ industry: "Software", email: "rival@competitor.example", events: { contact_request: 1 } }); // 70 → 70: disqualified
    await leadWith({}); // 0 → 0
    await leadWith({ industry: "Software", events: { unsubscribe: 1 } }); // 20 → 5: down
    const before = await db.lead.findMany({ orderBy: { id: "asc" } });

    signInAs(users.marketer);
    const result = await previewRulesAction({ rules: candidate });
    expect(result).toEqual({
      ok: true,
      data: {
        activeVersion: 2,
        leads: 6,
        becomeMql: 1,
        disqualified: 1,
        scoresUp: 3,
        scoresDown: 1,
        averageBefore: 23.3, // (2 + 24 + 24 + 70 + 0 + 20) / 6
        averageAfter: 28.3, // (10 + 40 + 45 + 70 + 0 + 5) / 6
        examples: [
          {
            id: b.id,
            name: `${b.firstName} ${b.lastName}`,
            company: b.company,
            totalBefore: 24,
            totalAfter: 40,
            topContributions: [
              { label: "Page views", points: 20 },
              { label: "Software company", points: 20 },
            ],
          },
        ],
      },
    });
    expect(await db.lead.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.ruleSet.count()).toBe(2);
  });
});

describe("restoring and re-scoring", () => {
  test("restoring v1 creates a new version with v1's rules; the history stays as it was", async () => {
    signInAs(users.manager);
    const restored = await restoreRuleSetAction({ version: 1 });
    expect(restored).toMatchObject({ ok: true, data: { version: 3 } });
    if (restored.ok) expect((await waitForJob(restored.data.jobId)).status).toBe("done");
    const rows = await db.ruleSet.findMany({ orderBy: { version: "asc" } });
    expect(rows.map(({ version, active }) => ({ version, active }))).toEqual([
      { version: 1, active: false },
      { version: 2, active: false },
      { version: 3, active: true },
    ]);
    expect(rows[2]).toMatchObject({ note: "Restored from v1", createdById: users.manager.id });
    expect(JSON.parse(rows[2].rules)).toEqual(DEFAULT_SCORING_RULES);
    expect(JSON.parse(rows[1].rules)).toEqual(SIMPLE);
    expect(await restoreRuleSetAction({ version: 3 })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "v3 is already the active version." } });
    expect(await restoreRuleSetAction({ version: 99 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  test("the re-score after a save moves a lead that now meets the threshold to MQL, naming the version", async () => {
    const lead = await leadWith({ industry: "Software", events: { page_view: 1 } }); // 20 + 1 = 21
    signInAs(users.marketer);
    const { version, job } = await saveAndWait({ ...SIMPLE, threshold: { total: 21 } });
    expect(version).toBe(4);
    expect(job).toMatchObject({ processed: job.total, result: { ruleSetVersion: 4, leads: job.total, movedToMql: expect.any(Number) } });
    expect((job.result as { movedToMql: number }).movedToMql).toBeGreaterThanOrEqual(1);

    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "MQL", totalScore: 21, ruleSetVersion: 4 });
    const [transition] = await db.stageTransition.findMany({ where: { leadId: lead.id } });
    expect(transition).toMatchObject({ fromStage: "LEAD", toStage: "MQL", move: "markMql", actorId: null });
    expect(transition.reason).toBe("Score 21 (fit 20, engagement 1) reached the MQL threshold of 21 (scoring rules v4)");
  });
});
