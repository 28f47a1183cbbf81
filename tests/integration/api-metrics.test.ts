import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as getFunnel } from "@/app/api/v1/metrics/funnel/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { computeDashboard } from "@/lib/core/metrics/dashboard";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { inSegment, rangeOf } from "@/lib/core/metrics/segment";
import type { MetricsLead } from "@/lib/core/metrics/types";
import { searchTextOf } from "@/lib/core/lead-search";
import type { Stage } from "@/lib/core/stages";
import { dashboardMetricsSchema } from "@/lib/server/api/openapi";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { dashboardMetrics } from "@/lib/server/metrics/metrics";
import { metricsStore } from "@/lib/server/metrics/metrics-store";
import { takeToken } from "@/lib/server/api/rate-limit";
import { call, createKey } from "../support/api";
import { createUser } from "../support/factories";

/*
 * A small October by hand (range 2026-10-01 … 2026-10-31, SLA 24 h):
 * - A (web, rep, 50 employees, campaign autumn-webinar): created Oct 2, first event Oct 1 12:00, MQL Oct 3 10:00 (system),
 *   accepted by the rep 10 h later, qualified Oct 6.
 * - B (web, unassigned, 49 employees): created Oct 5, MQL Oct 6 09:00, rejected by the rep 48 h later.
 * - C (event, rep, size unknown): created Sep 20, first event Sep 21, MQL Oct 10 09:00, still MQL.
 * - D (event, unassigned, 1,000 employees): created Oct 12, nothing since.
 * - E (web, unassigned, 200 employees): created Nov 5, MQL Nov 6 — after the range, but overdue now.
 */
const at = (iso: string) => new Date(`2026-${iso}Z`);
const OCTOBER = "from=2026-10-01&to=2026-10-31";

let key: string;
let repId: string;

type Fixture = {
  name: string;
  createdAt: string;
  stage: Stage;
  stageEnteredAt?: string;
  source: string;
  ownerId?: string;
  companySize: number | null;
  industry: string;
  country: string;
  /** Named by the first of its events. */
  campaign?: string;
  events?: string[];
  transitions?: Array<{ from: Stage; to: Stage; move: string; at: string; byRep?: boolean; reason?: string }>;
};

async function createFixtureLead(fixture: Fixture) {
  const names = { firstName: fixture.name, lastName: "Fixture", email: `${fixture.name.toLowerCase()}@fixture.example`, company: `${fixture.name} Ltd` };
  const lead = await db.lead.create({
    data: {
      ...names,
      searchText: searchTextOf(names),
      createdAt: at(fixture.createdAt),
      stage: fixture.stage,
      stageEnteredAt: at(fixture.stageEnteredAt ?? fixture.transitions?.at(-1)?.at ?? fixture.createdAt),
      source: fixture.source,
      ownerId: fixture.ownerId ?? null,
      companySize: fixture.companySize,
      industry: fixture.industry,
      country: fixture.country,
      totalScore: 40,
    },
  });
  // Through ingestion, which keeps the lead's first event time and campaign; no rule scores this type.
  const events = (fixture.events ?? []).map((event, index) => ({ leadId: lead.id, type: "fixture_touch", occurredAt: at(event).toISOString(), properties: index === 0 && fixture.campaign ? { campaign: fixture.campaign } : {} }));
  expect((await ingestEvents(events, { source: "api" })).every((result) => result.status === "created")).toBe(true);
  for (const move of fixture.transitions ?? []) {
    await db.stageTransition.create({
      data: { leadId: lead.id, fromStage: move.from, toStage: move.to, move: move.move, actorId: move.byRep ? repId : null, reason: move.reason ?? null, createdAt: at(move.at) },
    });
  }
}

beforeAll(async () => {
  key = (await createKey()).key;
  repId = (await createUser("SALES", { name: "Sam Sales" })).id;
  const fixtures: Fixture[] = [
    {
      name: "A",
      createdAt: "10-02T09:00:00",
      stage: "SQL",
      source: "web",
      ownerId: repId,
      companySize: 50,
      industry: "Software",
      country: "DE",
      campaign: "autumn-webinar",
      events: ["10-02T08:00:00", "10-01T12:00:00"],
      transitions: [
        { from: "LEAD", to: "MQL", move: "markMql", at: "10-03T10:00:00" },
        { from: "MQL", to: "SAL", move: "accept", at: "10-03T20:00:00", byRep: true },
        { from: "SAL", to: "SQL", move: "qualify", at: "10-06T10:00:00", byRep: true },
      ],
    },
    {
      name: "B",
      createdAt: "10-05T09:00:00",
      stage: "LEAD",
      source: "web",
      companySize: 49,
      industry: "Retail",
      country: "FR",
      transitions: [
        { from: "LEAD", to: "MQL", move: "markMql", at: "10-06T09:00:00" },
        { from: "MQL", to: "LEAD", move: "reject", at: "10-08T09:00:00", byRep: true, reason: "Student, not a buyer" },
      ],
    },
    {
      name: "C",
      createdAt: "09-20T09:00:00",
      stage: "MQL",
      source: "event",
      ownerId: repId,
      companySize: null,
      industry: "Software",
      country: "DE",
      events: ["09-21T00:00:00"],
      transitions: [{ from: "LEAD", to: "MQL", move: "markMql", at: "10-10T09:00:00" }],
    },
    { name: "D", createdAt: "10-12T09:00:00", stage: "LEAD", source: "event", companySize: 1000, industry: "Software", country: "US" },
    {
      name: "E",
      createdAt: "11-05T09:00:00",
      stage: "MQL",
      source: "web",
      companySize: 200,
      industry: "Retail",
      country: "DE",
      transitions: [{ from: "LEAD", to: "MQL", move: "markMql", at: "11-06T09:00:00" }],
    },
  ];
  for (const fixture of fixtures) await createFixtureLead(fixture);
});

afterEach(async () => {
  await resetRateLimits();
  vi.useRealTimers();
});

const funnel = (path: string) => call(getFunnel, { path: `/metrics/funnel${path}`, key });
const step = (body: { funnel: Array<{ stage: string; entered: number }> }, stage: string) => body.funnel.find((row) => row.stage === stage);

describe("GET /api/v1/metrics/funnel", () => {
  test("without a key: 401", async () => {
    expect((await call(getFunnel, { path: `/metrics/funnel?${OCTOBER}`, key: null })).status).toBe(401);
  });

  test("bad dates, a range that ends before it starts, or unknown filters answer 400 naming the field", async () => {
    const notADate = await funnel("?from=2026-02-30&to=2026-03-05");
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.details).toEqual({ from: "Not a real date." });
    expect((await funnel("?from=20261001&to=2026-10-31")).body.error.details).toEqual({ from: expect.stringContaining("2026-11-24") });
    expect((await funnel("?from=2026-11-10&to=2026-11-01")).body.error.details).toEqual({ to: "The range ends before it starts." });
    expect(Object.keys((await funnel(`?${OCTOBER}&companySize=huge`)).body.error.details)).toEqual(["companySize"]);
    expect(JSON.stringify((await funnel(`?${OCTOBER}&colour=red`)).body.error.details)).toContain("colour");
  });

  test("answers the documented shape; without dates, the 90 days up to today", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-24T15:30:00Z"));
    const response = await funnel("");
    expect(response.status).toBe(200);
    expect(dashboardMetricsSchema.parse(response.body)).toEqual(response.body);
    expect(response.body.range).toEqual({ from: "2026-08-27T00:00:00.000Z", to: "2026-11-25T00:00:00.000Z" });
    expect((await funnel("?to=2026-10-31")).body.range).toEqual({ from: "2026-08-03T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" });
  });

  test("its figures for the hand-made October", async () => {
    const { status, body } = await funnel(`?${OCTOBER}`);
    expect(status).toBe(200);
    // Entered LEAD: A, B, D created in October (B's return to LEAD is the same lead); C was created in September.
    expect(step(body, "LEAD")).toMatchObject({ entered: 3, advanced: 2 });
    // Entered MQL: A, B, C; only A went on (to SAL); B was rejected with a written reason, before reject reasons were listed: Other.
    expect(step(body, "MQL")).toMatchObject({ entered: 3, advanced: 1, conversion: 1 / 3, losses: { sentBack: { count: 1, reasons: [{ reason: "Other", count: 1 }] } } });
    // The tiles' MQL → SQL counts the same three MQLs; A reached SQL.
    expect(body.mqlToSql).toEqual({ mqls: 3, sql: 1, conversion: 1 / 3 });
    expect(step(body, "SQL")).toMatchObject({ entered: 1 });
    // A answered in 10 h (within 24 h), B in 48 h (late), C waits; C and E are MQL for longer than 24 h now.
    expect(body.sla).toMatchObject({ slaHours: 24, mqls: 3, withinSla: 1, late: 1, waiting: 1, withinSlaShare: 0.5, overdueNow: 2 });
    // First event → MQL: A from its earliest event (Oct 1 12:00) 46 h, C from Sep 21 00:00 465 h.
    expect(body.velocity.firstEventToMql).toEqual({ count: 2, medianHours: 255.5, p90Hours: 423.1 });
    expect(body.sources).toEqual([
      { key: "web", leads: 2, mql: 2, sql: 1, won: 0, sqlRate: 0.5, wonRate: 0, medianDaysToWon: null },
      { key: "event", leads: 1, mql: 0, sql: 0, won: 0, sqlRate: 0, wonRate: 0, medianDaysToWon: null },
    ]);
    expect(body.campaigns.map((row: { key: string; leads: number }) => [row.key, row.leads])).toEqual([
      ["(none)", 2],
      ["autumn-webinar", 1],
    ]);
  });

  test("a segment filter counts only its leads", async () => {
    const web = (await funnel(`?${OCTOBER}&source=web`)).body;
    expect(step(web, "LEAD")).toMatchObject({ entered: 2 });
    expect(step(web, "MQL")).toMatchObject({ entered: 2, advanced: 1, conversion: 0.5 });
    expect(web.sla).toMatchObject({ mqls: 2, overdueNow: 1 });
    expect(web.velocity.firstEventToMql).toEqual({ count: 1, medianHours: 46, p90Hours: 46 });

    const small = (await funnel(`?${OCTOBER}&companySize=1-49`)).body;
    expect(step(small, "MQL")).toMatchObject({ entered: 1, advanced: 0 });
  });

  test("is documented in the OpenAPI description with its response schema", async () => {
    const { body } = await call(getOpenApi, { path: "/openapi.json" });
    expect(body.paths["/metrics/funnel"].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(["from", "to", "source", "owner", "industry", "country", "companySize"]);
    expect(Object.keys(body.components.schemas.DashboardMetrics.properties)).toEqual(["range", "funnel", "mqlToSql", "velocity", "sla", "speedToLead", "sources", "campaigns", "reps", "cohorts", "trend", "calibration", "wonValue"]);
  });
});

/** The dashboard's input the slow, obvious way: every lead through Prisma, filtered with inSegment(). */
async function metricsFromScratch(filters: DashboardFilters, now: Date) {
  const { from, to, ...segment } = filters;
  const [rows, events, transitions] = await Promise.all([
    db.lead.findMany(),
    db.event.findMany({ select: { leadId: true, occurredAt: true } }),
    db.stageTransition.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const firstEventAt = new Map<string, number>();
  for (const event of events) firstEventAt.set(event.leadId, Math.min(event.occurredAt.getTime(), firstEventAt.get(event.leadId) ?? Infinity));
  const leads: MetricsLead[] = rows
    .map((lead) => ({
      id: lead.id,
      createdAt: lead.createdAt.getTime(),
      source: lead.source,
      campaign: lead.campaign,
      industry: lead.industry,
      country: lead.country,
      companySize: lead.companySize,
      ownerId: lead.ownerId,
      stage: lead.stage as Stage,
      totalScore: lead.totalScore,
      firstEventAt: firstEventAt.get(lead.id) ?? null,
      stageEnteredAt: lead.stageEnteredAt.getTime(),
    }))
    .filter((lead) => inSegment(lead, segment));
  const inputTransitions = transitions.map((t) => ({
    leadId: t.leadId,
    fromStage: t.fromStage as Stage,
    toStage: t.toStage as Stage,
    move: t.move,
    actorId: t.actorId,
    reason: t.reason,
    reasonCode: t.reasonCode,
    at: t.createdAt.getTime(),
  }));
  return computeDashboard({ leads, transitions: inputTransitions, range: rangeOf({ from, to }), now: now.getTime(), slaHours: 24 });
}

describe("dashboardMetrics (these tests change the fixture: they run last)", () => {
  test("equals computing from scratch, for every kind of segment", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const segments: Array<Omit<DashboardFilters, "from" | "to">> = [
      {},
      { source: "web" },
      { source: "nowhere" },
      { owner: repId },
      { owner: "unassigned" },
      { industry: "Software", country: "DE" },
      { companySize: "1-49" },
      { companySize: "50-199" },
      { companySize: "200-999" },
      { companySize: "1000+" },
      { source: "web", owner: "unassigned", companySize: "200-999" },
    ];
    for (const range of [{ from: "2026-10-01", to: "2026-10-31" }, { from: "2025-12-01", to: "2026-11-24" }]) {
      for (const segment of segments) {
        const filters = { ...range, ...segment };
        expect(await dashboardMetrics(filters, now), JSON.stringify(filters)).toEqual(await metricsFromScratch(filters, now));
      }
    }
  });

  test("reads again after any write, through the ORM or the ingestion path, and only then", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const october = { from: "2026-10-01", to: "2026-10-31" };
    const before = await dashboardMetrics(october, now);
    expect(await metricsStore.snapshot({})).toBe(await metricsStore.snapshot({}));
    // Every API request takes a rate-limit token first: that write changes nothing read here. On
    // PostgreSQL another test file's writes in between (transaction ids are the server's) count as
    // a change, so it is enough that one of a few tries reads from the cache.
    let reused = false;
    for (let attempt = 0; attempt < 5 && !reused; attempt++) {
      const cached = await metricsStore.snapshot({});
      await takeToken("metrics-cache-key", 600);
      reused = (await metricsStore.snapshot({})) === cached;
    }
    expect(reused).toBe(true);

    const d = await db.lead.findUniqueOrThrow({ where: { email: "d@fixture.example" } });
    await db.$transaction([
      db.stageTransition.create({ data: { leadId: d.id, fromStage: "LEAD", toStage: "MQL", move: "markMql", createdAt: at("10-20T09:00:00") } }),
      db.lead.update({ where: { id: d.id }, data: { stage: "MQL", stageEnteredAt: at("10-20T09:00:00") } }),
    ]);
    const afterMove = await dashboardMetrics(october, now);
    expect(step(afterMove, "MQL")?.entered).toBe((step(before, "MQL")?.entered ?? 0) + 1);
    expect(afterMove).toEqual(await metricsFromScratch(october, now));

    await ingestEvents([{ leadId: d.id, type: "fixture_touch", occurredAt: at("10-13T09:00:00").toISOString() }], { source: "api" });
    const afterEvent = await dashboardMetrics(october, now);
    expect(afterEvent.velocity.firstEventToMql.count).toBe(afterMove.velocity.firstEventToMql.count + 1);
    expect(afterEvent).toEqual(await metricsFromScratch(october, now));
  });
});

describe("loss reasons", () => {
  test("disqualifications are grouped by the listed reason and shown with its label", async () => {
    await db.disqualificationReason.upsert({ where: { code: "no_budget" }, create: { code: "no_budget", label: "No budget" }, update: {} });
    const names = { firstName: "Nora", lastName: "Budget", email: "nora@budget.example", company: "Budgetless" };
    const lead = await db.lead.create({
      data: { ...names, searchText: searchTextOf(names), createdAt: new Date("2025-03-02T10:00:00Z"), stage: "DISQUALIFIED", stageEnteredAt: new Date("2025-03-05T10:00:00Z") },
    });
    await db.stageTransition.create({
      data: { leadId: lead.id, fromStage: "LEAD", toStage: "DISQUALIFIED", move: "disqualify", reasonCode: "no_budget", reason: "Frozen until 2026", createdAt: new Date("2025-03-05T10:00:00Z") },
    });
    const metrics = await dashboardMetrics({ from: "2025-03-01", to: "2025-03-31" }, new Date("2026-11-24T12:00:00Z"));
    expect(metrics.funnel[0].losses.disqualified).toEqual({ count: 1, reasons: [{ reason: "No budget", count: 1 }] });
  });
});
