import { beforeAll, describe, expect, test } from "vitest";
import { cardPosition } from "@/lib/core/board";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { loadBoard, loadColumnPage } from "@/lib/server/funnel/board";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { db } from "@/lib/server/store/db";
import { importHistory } from "@/lib/server/ingest/import-history";
import { getLeadDetails } from "@/lib/server/leads/lead-details";
import { activeRuleSet } from "@/lib/server/scoring/lead-scoring";
import { previewRules } from "@/lib/server/scoring/preview-rules";
import { loadLeadTable } from "@/lib/server/leads/lead-table";
import { activateModel, activeModelSummary, startModelTraining } from "@/lib/server/scoring/models";
import { createLead, createUser } from "../support/factories";
import { plantedHistory } from "../support/history";

const NOW = new Date("2026-11-24T12:00:00Z");
let managerId: string;
const ids: Record<string, string> = {};

// Probabilities as an active model would have stored them; "dee" and "eli" were never scored by one.
// 0.195 shows as 20 %, so "at least 20 %" holds it and "at most 19 %" doesn't.
const COMPANY = "Probcorp";
const SEEDS = [
  { key: "ann", probability: 0.8, score: 10 },
  { key: "bob", probability: 0.195, score: 90 },
  { key: "cat", probability: 0.3, score: 50 },
  { key: "dee", probability: null, score: 99 },
  { key: "eli", probability: null, score: 1 },
  { key: "fay", probability: 0.05, score: 70 },
];

beforeAll(async () => {
  managerId = (await createUser("MANAGER")).id;
  for (const seed of SEEDS) {
    const lead = await createLead({ company: COMPANY, lastName: seed.key, totalScore: seed.score });
    await db.lead.update({ where: { id: lead.id }, data: { probability: seed.probability, modelVersion: seed.probability === null ? null : 1 } });
    ids[seed.key] = lead.id;
  }
});

const keyOf = (id: string) => Object.entries(ids).find(([, candidate]) => candidate === id)?.[0];
// Leads without a probability tie, and ties go by id, highest first, like every sort of the table.
const unscoredByIdDesc = () => ["dee", "eli"].sort((a, b) => (ids[a] < ids[b] ? 1 : -1));

async function tableKeys(query: string): Promise<string[]> {
  const { state, ignored } = parseLeadTableQuery(new URLSearchParams(`q=probcorp&${query}`));
  expect(ignored).toEqual([]);
  const page = await loadLeadTable(state, managerId, NOW);
  return page.rows.map((row) => keyOf(row.id)!);
}

describe("the lead table's probability", () => {
  test("rows carry it; sorting puts the likeliest first, or last; leads without one sort as empty values do, lowest", async () => {
    expect(await tableKeys("sort=probability.desc")).toEqual(["ann", "cat", "bob", "fay", ...unscoredByIdDesc()]);
    expect(await tableKeys("sort=probability.asc")).toEqual([...unscoredByIdDesc().reverse(), "fay", "bob", "cat", "ann"]);
    const { state } = parseLeadTableQuery(new URLSearchParams("q=probcorp&sort=probability.desc"));
    const [first] = (await loadLeadTable(state, managerId, NOW)).rows;
    expect(first.probability).toBe(0.8);
  });

  test.each([
    ["probMin=20", ["ann", "cat", "bob"]],
    ["probMax=19", ["fay"]],
    ["probMin=25&probMax=80", ["ann", "cat"]],
    ["probMin=0", ["ann", "cat", "bob", "fay"]],
    ["probMin=0&probMax=100&stage=MQL", []],
  ])("%s holds leads by the percent shown → %j", async (filter, expected) => {
    expect(await tableKeys(`${filter}&sort=probability.desc`)).toEqual(expected);
  });
});

describe("the board sorted by probability", () => {
  const filters = { owner: { kind: "all" as const }, search: "probcorp" };

  test("cards carry it and come in probability order, those without one last", async () => {
    const [lead] = await loadBoard(["LEAD"], filters, "probability");
    expect(lead.cards.map((card) => keyOf(card.id))).toEqual(["ann", "cat", "bob", "fay", ...unscoredByIdDesc()]);
    expect(lead.cards[0].probability).toBe(0.8);
    const [byScore] = await loadBoard(["LEAD"], filters);
    expect(byScore.cards.map((card) => keyOf(card.id))).toEqual(["dee", "bob", "fay", "cat", "ann", "eli"]);
  });

  test("load more goes on after a card with a probability, and after one without", async () => {
    const [lead] = await loadBoard(["LEAD"], filters, "probability");
    const after = (key: string) => cardPosition(lead.cards.find((card) => card.id === ids[key])!, "probability");
    const keys = async (key: string) => (await loadColumnPage("LEAD", filters, after(key), "probability")).cards.map((card) => keyOf(card.id));
    expect(await keys("cat")).toEqual(["bob", "fay", ...unscoredByIdDesc()]);
    expect(await keys("fay")).toEqual(unscoredByIdDesc());
    const [firstUnscored, secondUnscored] = unscoredByIdDesc();
    expect(await keys(firstUnscored)).toEqual([secondUnscored]);
    expect(await keys(secondUnscored)).toEqual([]);
  });

  test("a minimum chance keeps only the leads shown at or above it, also in counts and when loading more", async () => {
    const atLeast20 = { ...filters, probMin: 20 };
    const [lead] = await loadBoard(["LEAD"], atLeast20, "probability");
    // bob's 0.195 shows as 20 %, so it is in; fay (5 %) and the leads without a chance are not.
    expect(lead.cards.map((card) => keyOf(card.id))).toEqual(["ann", "cat", "bob"]);
    expect(lead.count).toBe(3);
    const afterCat = cardPosition(lead.cards[1], "probability");
    expect((await loadColumnPage("LEAD", atLeast20, afterCat, "probability")).cards.map((card) => keyOf(card.id))).toEqual(["bob"]);
    // Sorted by score, the filter holds just the same.
    const [byScore] = await loadBoard(["LEAD"], { ...filters, probMin: 50 });
    expect(byScore.cards.map((card) => keyOf(card.id))).toEqual(["ann"]);
  });
});

async function waitForJob(id: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const job = await getJob(id);
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${id} did not finish`);
}

describe("the lead page's probability", () => {
  test("shows nothing without a model; once a model scores the lead, its chance with the factors that raised and lowered it", async () => {
    const results = await importHistory(plantedHistory(400, { prefix: "prob" }).records);
    expect(results.filter((result) => result.status === "error")).toEqual([]);
    const lead = await db.lead.findUniqueOrThrow({ where: { email: "prob0@history.example" } });
    expect((await getLeadDetails(lead.id)).probability).toBeNull();
    expect(await activeModelSummary()).toBeNull();

    const training = await startModelTraining({ target: "WON", userId: null });
    expect((await waitForJob(training.jobId)).status).toBe("done");
    const activated = await activateModel(training.model.id);
    expect((await waitForJob(activated.jobId)).status).toBe("done");
    expect(await activeModelSummary()).toEqual({ version: training.model.version, target: "WON" });

    const { probability } = await getLeadDetails(lead.id);
    const stored = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { probability: true } });
    expect(probability).toMatchObject({ probability: stored.probability, target: "WON", modelVersion: training.model.version });
    expect(probability!.probability).toBeGreaterThan(0);
    expect(probability!.probability).toBeLessThan(1);
    const factors = [...probability!.raising, ...probability!.lowering];
    expect(factors.length).toBeGreaterThan(0);
    expect(probability!.raising.every((factor) => factor.effect > 0 && factor.label.length > 0)).toBe(true);
    expect(probability!.lowering.every((factor) => factor.effect < 0 && factor.label.length > 0)).toBe(true);

    // A threshold on the chance previews the MQLs the model would make, not the points'.
    const rules = (await activeRuleSet()).rules;
    const unreachablePoints = { ...rules.threshold, total: 1_000_000, fit: undefined };
    expect((await previewRules({ ...rules, threshold: unreachablePoints })).becomeMql).toBe(0);
    const likely = await db.lead.findMany({ where: { stage: "LEAD", returnedAt: null, probability: { gte: 0.5 } }, select: { scoreFlags: true } });
    const promotable = likely.filter((lead) => !lead.scoreFlags.includes('"disqualify"')).length;
    expect(promotable).toBeGreaterThan(0);
    expect((await previewRules({ ...rules, threshold: { ...unreachablePoints, probability: 0.5 } })).becomeMql).toBe(promotable);
  }, 60_000);
});
