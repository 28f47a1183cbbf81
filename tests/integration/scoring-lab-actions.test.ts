import { beforeAll, describe, expect, test } from "vitest";
import {
  activateModelAction,
  backtestRulesAction,
  deactivateModelsAction,
  getLabJobAction,
  listModelsAction,
  saveLabSettingsAction,
  suggestRulesAction,
  trainModelAction,
} from "@/lib/server/scoring/scoring-lab-actions";
import { db } from "@/lib/server/store/db";
import { importHistory } from "@/lib/server/ingest/import-history";
import { labSettings } from "@/lib/server/scoring/lab";
import type { Team } from "../support/factories";
import { createTeam } from "../support/factories";
import { plantedHistory } from "../support/history";
import { signInAs } from "../support/sign-in";

let users: Team;
const history = plantedHistory(800);
const decided = history.won + history.lost + history.stalled;

beforeAll(async () => {
  users = await createTeam();
  const results = await importHistory(history.records);
  expect(results.filter((result) => result.status === "error")).toEqual([]);
}, 60_000);

async function waitForJob(jobId: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const polled = await getLabJobAction({ jobId });
    if (!polled.ok) throw new Error(polled.error.message);
    if (polled.data.status === "done" || polled.data.status === "failed") return polled.data;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Job ${jobId} did not finish`);
}

describe("who may use the lab", () => {
  test.each([
    ["a sales rep", () => users.rep],
    ["an admin", () => users.admin],
  ])("%s is refused every lab action", async (_, who) => {
    signInAs(who());
    const refusals = await Promise.all([
      backtestRulesAction({}),
      suggestRulesAction({}),
      saveLabSettingsAction({ target: "SQL", maturityDays: 60 }),
      listModelsAction({}),
      trainModelAction({}),
      activateModelAction({ modelId: "any" }),
      deactivateModelsAction({}),
      getLabJobAction({ jobId: "any" }),
    ]);
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.scoringModel.count()).toBe(0);
  });

  test("nobody signed in is asked to sign in", async () => {
    signInAs(null);
    expect(await backtestRulesAction({})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("a marketer may run the lab but not change the team's settings; a manager may", async () => {
    signInAs(users.marketer);
    expect(await saveLabSettingsAction({ target: "SQL", maturityDays: 60 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await labSettings()).toEqual({ target: "WON", maturityDays: 90 });

    signInAs(users.manager);
    expect(await saveLabSettingsAction({ target: "SQL", maturityDays: 60 })).toEqual({ ok: true, data: { target: "SQL", maturityDays: 60 } });
    expect(await labSettings()).toEqual({ target: "SQL", maturityDays: 60 });
    expect(await saveLabSettingsAction({ target: "WON", maturityDays: 90 })).toMatchObject({ ok: true });
  });
});

describe("backtests", () => {
  test("the active rules are judged on every lead with an outcome and named by version", async () => {
    signInAs(users.marketer);
    const result = await backtestRulesAction({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.rulesVersion).toBe(1);
    expect(result.data.report).toMatchObject({ target: "WON", maturityDays: 90, leads: { scored: decided, positives: history.won, pending: history.open } });
    expect(result.data.report.deciles.reduce((total, decile) => total + decile.leads, 0)).toBe(decided);
  });

  test("a draft that scores the planted signal ranks better than chance; the target and window apply to the run", async () => {
    signInAs(users.manager);
    const rules = {
      fit: [{ id: "software", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 16 }],
      engagement: [{ id: "demo", label: "Demo request", eventType: "demo_request", points: 22 }],
      disqualify: [],
      threshold: { total: 16 },
    };
    const result = await backtestRulesAction({ rules, target: "SQL", maturityDays: 30 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.rulesVersion).toBeNull();
    expect(result.data.report).toMatchObject({ target: "SQL", maturityDays: 30 });
    expect(result.data.report.auc).toBeGreaterThan(0.7);
    // A shorter window counts more young open leads as a no: fewer are pending than with 90 days.
    expect(result.data.report.leads.pending).toBeLessThan(history.open);
  });

  test("a draft with an invalid rule names the setting, and bad settings name their field", async () => {
    signInAs(users.marketer);
    const broken = {
      fit: [{ id: "software", label: "Software", field: "industry", condition: { operator: "equals", value: "Software" }, points: 16 }],
      engagement: [{ id: "demo", label: "Demo request", eventType: "demo_request", points: 1.5 }],
      disqualify: [],
      threshold: { total: 16 },
    };
    const invalid = await backtestRulesAction({ rules: broken });
    expect(invalid).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!invalid.ok) expect(Object.keys(invalid.error.fieldErrors ?? {})).toEqual(["engagement.0.points"]);

    const settings = await backtestRulesAction({ target: "MQL" as "WON", maturityDays: 3 });
    expect(settings).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!settings.ok) {
      expect(settings.error.fieldErrors?.target).toMatch(/WON, SQL/);
      expect(settings.error.fieldErrors?.maturityDays).toMatch(/at least 7 days/);
    }

    signInAs(users.manager);
    const save = await saveLabSettingsAction({ target: "WON", maturityDays: 1000 });
    if (save.ok) throw new Error("saved an out-of-range window");
    expect(save.error.fieldErrors).toEqual({ maturityDays: "The maturity window can be at most 730 days." });
  });
});

describe("suggestions", () => {
  test("points are learned from older leads, judged with the active rules on the newest fifth", async () => {
    signInAs(users.marketer);
    const result = await suggestRulesAction({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { ruleSet, backtest, activeBacktest, evidence, learnedFrom, activeVersion } = result.data;
    expect(activeVersion).toBe(1);
    expect(backtest.leads.scored).toBe(activeBacktest.leads.scored);
    expect(backtest.leads.scored + learnedFrom.leads).toBe(decided);
    expect(backtest.auc).toBeGreaterThan(activeBacktest.auc ?? 1);
    const demo = ruleSet.rules.engagement.find((rule) => rule.eventType === "demo_request");
    expect(demo?.points).toBeGreaterThan(5);
    expect(evidence[demo!.id]).toMatchObject({ leads: expect.any(Number), positives: expect.any(Number) });
  });

  test("too little history is refused in words", async () => {
    signInAs(users.marketer);
    // Without the wins, no lead reached the target: there is nothing to learn from.
    const wins = await db.stageTransition.findMany({ where: { toStage: "WON" } });
    await db.stageTransition.deleteMany({ where: { toStage: "WON" } });
    try {
      const result = await suggestRulesAction({});
      expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/^There isn't enough history to learn from yet: \d+ leads have an outcome, 0 of them reached WON/) } });
    } finally {
      await db.stageTransition.createMany({ data: wins });
    }
  });
});

describe("predictive models", () => {
  test("a model trains as a job the lab follows, is activated with a re-score, and stopped", async () => {
    signInAs(users.marketer);
    const started = await trainModelAction({});
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.model).toMatchObject({ status: "training", target: "WON", active: false, createdByName: "Maya Marketer" });
    expect(await trainModelAction({})).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await waitForJob(started.data.jobId)).toMatchObject({ kind: "train", status: "done" });

    const listed = await listModelsAction({});
    if (!listed.ok) throw new Error(listed.error.message);
    const [model] = listed.data;
    expect(model).toMatchObject({ id: started.data.model.id, version: 1, status: "ready", active: false });
    expect(model.evaluation?.holdout.auc).toBeGreaterThan(0.6);
    expect(model.strongest?.raising.length).toBeGreaterThan(0);

    signInAs(users.manager);
    const activated = await activateModelAction({ modelId: model.id });
    if (!activated.ok) throw new Error(activated.error.message);
    expect(activated.data.model.active).toBe(true);
    expect(await waitForJob(activated.data.jobId)).toMatchObject({ kind: "rescore", status: "done" });
    expect(await db.lead.count({ where: { probability: { not: null } } })).toBe(await db.lead.count());

    expect(await deactivateModelsAction({})).toEqual({ ok: true, data: undefined });
    expect(await db.scoringModel.count({ where: { active: true } })).toBe(0);
    expect(await db.lead.count({ where: { probability: { not: null } } })).toBe(0);
  });

  test("unknown models and jobs, and jobs of other kinds, are not found", async () => {
    signInAs(users.marketer);
    expect(await activateModelAction({ modelId: "nope" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await activateModelAction({ modelId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { modelId: "Choose a model." } } });
    expect(await getLabJobAction({ jobId: "nope" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const importJob = await db.backgroundJob.create({ data: { kind: "import", payload: "{}" } });
    expect(await getLabJobAction({ jobId: importJob.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
