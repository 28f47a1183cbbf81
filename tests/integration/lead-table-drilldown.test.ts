import { beforeAll, describe, expect, test } from "vitest";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import type { DrillDown } from "@/lib/core/metrics/drill-down";
import { drillDownHref } from "@/lib/core/metrics/drill-down";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { FUNNEL_STAGES } from "@/lib/core/metrics/types";
import { NO_KEY } from "@/lib/core/metrics/sources";
import type { Stage } from "@/lib/core/stages";
import { db } from "@/lib/server/store/db";
import { filterContext, loadLeadTable, matchingLeadIds } from "@/lib/server/leads/lead-table";
import { dashboardMetrics } from "@/lib/server/metrics/metrics";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";

const NOW = new Date("2026-11-24T12:00:00Z");
let users: Team;
const ids: Record<string, string> = {};

type Move = [to: Stage, at: string, move: string];
type Seed = { key: string; created: string; moves: Move[]; source: string | null; campaign: string | null; companySize: number | null; score: number; owner?: "rep" | "otherRep" };

// Hand-made leads around the window 1–15 November 2026, with moves on its edges. The database
// holds only these, so the dashboard's figures over it can be compared with the table.
const SEEDS: Seed[] = [
  {
    key: "ann",
    created: "2026-10-20T09:00:00Z",
    moves: [["MQL", "2026-10-28T10:00:00Z", "markMql"], ["SAL", "2026-11-02T10:00:00Z", "accept"], ["SQL", "2026-11-15T23:30:00Z", "qualify"]],
    source: "webinar",
    campaign: "spring",
    companySize: 45,
    score: 80,
    owner: "rep",
  },
  {
    key: "ben",
    created: "2026-11-03T09:00:00Z",
    moves: [["MQL", "2026-11-05T10:00:00Z", "markMql"], ["SAL", "2026-11-16T00:00:00Z", "accept"]],
    source: "webinar",
    campaign: "Q4, EMEA",
    companySize: 50,
    score: 60,
    owner: "rep",
  },
  {
    // Created just before the window; in it becomes MQL, is sent back to LEAD, and becomes MQL again.
    key: "cat",
    created: "2026-10-31T23:59:00Z",
    moves: [["MQL", "2026-11-01T00:00:00Z", "markMql"], ["LEAD", "2026-11-10T10:00:00Z", "reject"], ["MQL", "2026-11-12T10:00:00Z", "markMql"]],
    source: "referral",
    campaign: null,
    companySize: 999,
    score: 70,
  },
  { key: "dan", created: "2026-11-15T12:00:00Z", moves: [], source: null, campaign: "spring", companySize: 1000, score: 20 },
  {
    key: "eve",
    created: "2026-09-10T09:00:00Z",
    moves: [["MQL", "2026-09-12T10:00:00Z", "markMql"], ["SAL", "2026-09-20T10:00:00Z", "accept"], ["SQL", "2026-09-30T10:00:00Z", "qualify"], ["WON", "2026-11-05T10:00:00Z", "win"]],
    source: "referral",
    campaign: "autumn",
    companySize: null,
    score: 90,
    owner: "otherRep",
  },
  { key: "fay", created: "2026-11-16T00:00:00Z", moves: [["MQL", "2026-11-17T10:00:00Z", "markMql"]], source: "webinar", campaign: "spring", companySize: 200, score: 65 },
];

beforeAll(async () => {
  users = await createTeam();
  for (const seed of SEEDS) {
    const last = seed.moves.at(-1);
    const lead = await createLead({ stage: last?.[0] ?? "LEAD", totalScore: seed.score, lastName: seed.key, ownerId: seed.owner ? users[seed.owner].id : null });
    await db.lead.update({
      where: { id: lead.id },
      data: { source: seed.source, campaign: seed.campaign, companySize: seed.companySize, createdAt: new Date(seed.created), stageEnteredAt: new Date(last?.[1] ?? seed.created) },
    });
    let from: Stage = "LEAD";
    for (const [to, at, move] of seed.moves) {
      await db.stageTransition.create({ data: { leadId: lead.id, fromStage: from, toStage: to, move, actorId: users.manager.id, createdAt: new Date(at) } });
      from = to;
    }
    ids[seed.key] = lead.id;
  }
});

const keyOf = (id: string) => Object.entries(ids).find(([, candidate]) => candidate === id)?.[0];

async function table(query: string) {
  const { state, ignored } = parseLeadTableQuery(new URLSearchParams(query));
  expect(ignored).toEqual([]);
  return loadLeadTable(state, users.manager.id, NOW);
}

async function keys(query: string): Promise<string[]> {
  return (await table(`${query}&sort=name.asc`)).rows.map((row) => keyOf(row.id)!);
}

const WINDOW = "reachedFrom=2026-11-01&reachedTo=2026-11-15";

describe("reached: leads that moved into a stage within the days", () => {
  test.each([
    // 23:30 on the last day is in; the day after at midnight is not.
    [`reached=SQL&${WINDOW}`, ["ann"]],
    [`reached=SAL&${WINDOW}`, ["ann"]],
    // cat entered MQL twice in the window, at its first instant among them: listed once.
    [`reached=MQL&${WINDOW}`, ["ben", "cat"]],
    [`reached=WON&${WINDOW}`, ["eve"]],
    // Entering LEAD: created in the days (ben, dan) or sent back to LEAD in them (cat, created the evening before).
    [`reached=LEAD&${WINDOW}`, ["ben", "cat", "dan"]],
  ])("%s → %j", async (query, expected) => {
    expect(await keys(query)).toEqual(expected);
  });

  test("one open end, or none: at any time on that side", async () => {
    expect(await keys("reached=MQL&reachedTo=2026-10-31")).toEqual(["ann", "eve"]);
    expect(await keys("reached=WON&reachedFrom=2026-11-06")).toEqual([]);
    expect(await keys("reached=SQL")).toEqual(["ann", "eve"]);
    expect(await keys("reached=LEAD")).toEqual(["ann", "ben", "cat", "dan", "eve", "fay"]);
    expect(await keys("reached=LEAD&reachedFrom=2026-11-16")).toEqual(["fay"]);
  });

  test("combines with the other filters; bulk actions and export select the same leads", async () => {
    expect(await keys(`reached=MQL&${WINDOW}&stage=LEAD,MQL&source=referral`)).toEqual(["cat"]);
    const { state } = parseLeadTableQuery(new URLSearchParams(`reached=LEAD&${WINDOW}&sort=name.asc`));
    const matching = await matchingLeadIds(state, await filterContext(users.manager.id, NOW), 100);
    expect({ total: matching.total, keys: matching.ids.map(keyOf) }).toEqual({ total: 3, keys: ["ben", "cat", "dan"] });
  });
});

describe("campaign and company size", () => {
  test.each([
    ["campaign=spring", ["ann", "dan", "fay"]],
    ["campaign=spring&campaign=Q4%2C+EMEA", ["ann", "ben", "dan", "fay"]],
    // The whole value, not a part of it.
    ["campaign=Q4", []],
    ["companySize=1-49", ["ann"]],
    ["companySize=50-199", ["ben"]],
    ["companySize=200-999", ["cat", "fay"]],
    ["companySize=1000%2B", ["dan"]],
    [`companySize=50-199&campaign=Q4%2C+EMEA&reached=MQL&${WINDOW}`, ["ben"]],
  ])("%s → %j", async (query, expected) => {
    expect(await keys(query)).toEqual(expected);
  });
});

describe("a dashboard figure's link shows as many leads as the figure counts", () => {
  const SEGMENTS: DashboardFilters[] = [
    { from: "2026-11-01", to: "2026-11-15" },
    { from: "2026-09-01", to: "2026-11-24" },
    { from: "2026-10-01", to: "2026-11-20", source: "webinar" },
    { from: "2026-09-01", to: "2026-11-24", companySize: "200-999" },
  ];

  async function total(filters: DashboardFilters, drill: DrillDown): Promise<number> {
    const href = drillDownHref(filters, drill);
    if (href === null) throw new Error(`No link for ${JSON.stringify(drill)}`);
    return (await table(href.slice("/leads?".length))).total;
  }

  test.each(SEGMENTS)("%j", async (filters) => {
    const metrics = await dashboardMetrics(filters, NOW);
    const pairs: [DrillDown, number][] = [
      ...metrics.funnel.map((step): [DrillDown, number] => [{ stage: step.stage }, step.entered]),
      ...metrics.trend.flatMap((row) => FUNNEL_STAGES.map((stage): [DrillDown, number] => [{ stage, week: row.weekStart }, row.entered[stage]])),
      ...metrics.cohorts.flatMap((row): [DrillDown, number][] => [
        [{ createdMonth: row.month }, row.leads],
        ...(["MQL", "SAL", "SQL", "WON"] as const).map((stage): [DrillDown, number] => [{ createdMonth: row.month, stage }, row.reached[stage]]),
      ]),
      ...metrics.calibration.flatMap((band): [DrillDown, number][] => [
        [{ score: { min: band.minScore, max: band.maxScore } }, band.leads],
        [{ score: { min: band.minScore, max: band.maxScore }, stage: "SQL" }, band.sql],
      ]),
      ...metrics.sources.filter((row) => row.key !== NO_KEY).flatMap((row): [DrillDown, number][] => [
        [{ source: row.key }, row.leads],
        [{ source: row.key, stage: "SQL" }, row.sql],
      ]),
      ...metrics.campaigns.filter((row) => row.key !== NO_KEY).map((row): [DrillDown, number] => [{ campaign: row.key }, row.leads]),
    ];
    expect(pairs.length).toBeGreaterThan(10);
    for (const [drill, count] of pairs) expect({ drill, total: await total(filters, drill) }).toEqual({ drill, total: count });
  });

  test("leads without a source or campaign get no link: the table can't show exactly them", async () => {
    const metrics = await dashboardMetrics(SEGMENTS[1], NOW);
    expect(metrics.sources.map((row) => row.key)).toContain(NO_KEY);
    expect(drillDownHref(SEGMENTS[1], { source: null })).toBeNull();
    expect(drillDownHref(SEGMENTS[1], { campaign: null })).toBeNull();
  });
});
