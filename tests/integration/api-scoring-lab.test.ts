import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postHistory } from "@/app/api/v1/history/route";
import { GET as getJob } from "@/app/api/v1/jobs/[id]/route";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { POST as postBacktest } from "@/app/api/v1/scoring/backtest/route";
import { POST as activateModel } from "@/app/api/v1/scoring/models/[id]/activate/route";
import { GET as getModel } from "@/app/api/v1/scoring/models/[id]/route";
import { POST as postModels } from "@/app/api/v1/scoring/models/route";
import { POST as postRuleSets } from "@/app/api/v1/scoring/rule-sets/route";
import { POST as postSuggestions } from "@/app/api/v1/scoring/suggestions/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { call, createKey } from "../support/api";
import { createDisqualificationReasons, createUser } from "../support/factories";
import { plantedHistory } from "../support/history";

let key: string;
const history = plantedHistory(1200);

beforeAll(async () => {
  key = (await createKey()).key;
  await createDisqualificationReasons();
  for (let start = 0; start < history.records.length; start += 500) {
    const response = await call(postHistory, { path: "/history", key, body: { records: history.records.slice(start, start + 500) } });
    expect(response.body.summary.failed).toBe(0);
  }
}, 60_000);

afterEach(() => resetRateLimits());

const backtest = (body: unknown) => call(postBacktest, { path: "/scoring/backtest", key, body });

async function waitForJob(id: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { body } = await call(getJob, { path: `/jobs/${id}`, key, params: { id } });
    if (body.job.status === "succeeded" || body.job.status === "failed") return body.job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${id} did not finish`);
}

describe("POST /api/v1/scoring/backtest", () => {
  test("the active rules are judged on every lead with an outcome; open young leads are neither", async () => {
    const { status, body } = await backtest({});
    expect(status).toBe(200);
    const report = body.backtest;
    expect(report.target).toBe("WON");
    expect(report.leads).toEqual({ scored: history.won + history.lost + history.stalled, positives: history.won, negatives: history.lost + history.stalled, pending: history.open });
    expect(report.deciles).toHaveLength(10);
    expect(report.deciles.reduce((total: number, decile: { leads: number }) => total + decile.leads, 0)).toBe(report.leads.scored);
    expect(report.auc).toBeGreaterThan(0);
    expect(report.auc).toBeLessThan(1);
  });

  test("a draft that scores the planted signal ranks the outcomes far better than chance", async () => {
    const rules = {
      fit: [{ id: "software", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 16 }],
      engagement: [{ id: "demo", label: "Demo request", eventType: "demo_request", points: 22 }],
      disqualify: [],
      threshold: { total: 16 },
    };
    const { body } = await backtest({ rules });
    expect(body.backtest.auc).toBeGreaterThan(0.75);
    // Software leads and leads that asked for a demo pass 16 points: most of the wins, at a higher rate than average.
    expect(body.backtest.threshold.positivesCaptured).toBeGreaterThan(0.7);
    expect(body.backtest.threshold.precision).toBeGreaterThan(history.won / (history.won + history.lost + history.stalled));
  });

  test("events dated after the outcomes change nothing", async () => {
    const before = (await backtest({ target: "SQL" })).body.backtest;
    const wonLeads = await db.lead.findMany({ where: { stage: "WON" }, select: { email: true }, take: 40 });
    // A sale's paperwork is the kind of event that would leak the outcome if it were counted.
    const after = wonLeads.map((lead) => ({ email: lead.email, type: "meeting_booked", occurredAt: new Date().toISOString() }));
    expect((await call(postEvents, { path: "/events", key, body: { events: after } })).body.summary.created).toBe(40);
    expect((await backtest({ target: "SQL" })).body.backtest).toEqual({ ...before, asOf: expect.any(String) });
  });

  test("errors name the field", async () => {
    expect((await backtest({ target: "MQL" })).body.error.details).toEqual({ target: "One of WON, SQL." });
    const invalid = await backtest({ rules: { fit: [], engagement: [{ id: "x", label: "X", eventType: "Bad Type", points: 1 }], disqualify: [], threshold: { total: 1 } } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.details)).toEqual(["engagement.0.eventType"]);
    expect((await backtest({ version: 999 })).status).toBe(404);
    expect((await backtest({ version: 1, rules: {} })).body.error.details).toEqual({ version: "Give rules or a version, not both." });
    expect((await backtest({ maturityDays: 1 })).body.error.details.maturityDays).toMatch(/at least 7/);
  });

  test("a key without the scoring scope is refused", async () => {
    const admin = await createUser("ADMIN");
    const ingestOnly = await createApiKey({ name: "ingest only", createdById: admin.id, scopes: ["ingest"] });
    expect((await call(postBacktest, { path: "/scoring/backtest", key: ingestOnly.key, body: {} })).status).toBe(403);
  });
});

describe("suggestions and rule sets", () => {
  test("a suggestion is learned from older leads, judged on newer ones, and can be saved unchanged and activated", async () => {
    const { status, body } = await call(postSuggestions, { path: "/scoring/suggestions", key, body: {} });
    expect(status).toBe(200);
    const fit = body.ruleSet.rules.fit as Array<{ id: string; field: string; points: number; condition: { value?: string } }>;
    expect(fit.find((rule) => rule.field === "industry" && rule.condition.value === "Software")?.points).toBeGreaterThan(5);
    expect(fit.find((rule) => rule.field === "source" && rule.condition.value === "paid_search")?.points).toBeLessThan(0);
    expect(body.ruleSet.rules.engagement.find((rule: { eventType: string }) => rule.eventType === "demo_request")?.points).toBeGreaterThan(5);
    expect(body.backtest.auc).toBeGreaterThan(body.activeBacktest.auc);
    expect(body.backtest.leads.scored + body.learnedFrom.leads).toBe(history.won + history.lost + history.stalled);

    const saved = await call(postRuleSets, { path: "/scoring/rule-sets", key, body: { ...body.ruleSet, activate: true } });
    expect(saved.body.error).toBeUndefined();
    expect(saved.status).toBe(201);
    expect(saved.body.ruleSet).toMatchObject({ active: true, version: expect.any(Number) });
    expect((await waitForJob(saved.body.job.id)).status).toBe("succeeded");
    const active = await db.ruleSet.findFirstOrThrow({ where: { active: true } });
    expect(active.version).toBe(saved.body.ruleSet.version);
    expect(JSON.parse(active.rules)).toEqual(body.ruleSet.rules);
  });

  test("a rule set saved without activate waits in the history; bad rules name the setting", async () => {
    const activeBefore = await db.ruleSet.findFirstOrThrow({ where: { active: true } });
    const rules = { fit: [], engagement: [], disqualify: [], threshold: { total: 10 } };
    const saved = await call(postRuleSets, { path: "/scoring/rule-sets", key, body: { rules, note: "Draft" } });
    expect(saved.body).toMatchObject({ ruleSet: { active: false }, job: null });
    expect((await db.ruleSet.findFirstOrThrow({ where: { active: true } })).version).toBe(activeBefore.version);
    const bad = await call(postRuleSets, { path: "/scoring/rule-sets", key, body: { rules: { ...rules, threshold: { total: "ten" } } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details)).toEqual(["threshold.total"]);
  });
});

describe("predictive models", () => {
  test("a model trains as a job, reports held-out figures, and once activated scores every lead with its factors", async () => {
    const started = await call(postModels, { path: "/scoring/models", key, body: { target: "WON" } });
    expect(started.status).toBe(202);
    expect(started.body.model).toMatchObject({ status: "training", target: "WON", active: false });
    expect((await waitForJob(started.body.job.id)).status).toBe("succeeded");

    const { body } = await call(getModel, { path: `/scoring/models/${started.body.model.id}`, key, params: { id: started.body.model.id } });
    const evaluation = body.model.evaluation;
    expect(body.model.status).toBe("ready");
    expect(evaluation.holdout.auc).toBeGreaterThan(0.7);
    expect(evaluation.training.leads + evaluation.holdout.leads.scored).toBe(history.won + history.lost + history.stalled);
    expect(evaluation.holdout.bands).toHaveLength(10);

    const activated = await call(activateModel, { path: `/scoring/models/${body.model.id}/activate`, key, method: "POST", params: { id: body.model.id } });
    expect(activated.status).toBe(200);
    expect((await waitForJob(activated.body.job.id)).status).toBe("succeeded");
    const lead = await db.lead.findUniqueOrThrow({ where: { email: "past0@history.example" } });
    const read = await call(getLead, { path: `/leads/${lead.id}`, key, params: { id: lead.id } });
    expect(read.body.lead.score.probability).toBeGreaterThan(0);
    expect(read.body.lead.score.probability).toBeLessThan(1);
    expect(read.body.lead.score.factors).toEqual({ raising: expect.any(Array), lowering: expect.any(Array) });

    // Every new event is scored by the model too, in the same write.
    const demo = await call(postEvents, { path: "/events", key, body: { leadId: lead.id, type: "demo_request" } });
    expect(demo.status).toBe(201);
    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.probability).toBeGreaterThan(read.body.lead.score.probability);
  });

  test("unknown models and jobs are 404s in the error shape", async () => {
    expect((await call(getModel, { path: "/scoring/models/nope", key, params: { id: "nope" } })).body.error.code).toBe("not_found");
    expect((await call(getJob, { path: "/jobs/nope", key, params: { id: "nope" } })).status).toBe(404);
    expect((await call(postModels, { path: "/scoring/models", key, body: { target: "LEAD" } })).status).toBe(400);
  });
});
