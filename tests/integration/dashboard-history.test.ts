import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { GET as getFunnel } from "@/app/api/v1/metrics/funnel/route";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { drillDownHref } from "@/lib/core/metrics/drill-down";
import { dashboardMetricsSchema } from "@/lib/server/api/openapi";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { importHistory } from "@/lib/server/ingest/import-history";
import { filterContext, matchingLeadIds } from "@/lib/server/leads/lead-table";
import { call, createKey } from "../support/api";
import { createUser } from "../support/factories";

/*
 * A small imported past, by hand. The dashboard's range is Q1 2025 (2025-01-01 … 2025-03-31).
 * Days to WON are from creation; "MQL → WON" from the MQL entry.
 * - h1 referral: created Jan 10, MQL Jan 20, SAL Jan 21, SQL Feb 1, WON Mar 1 — MQL → WON 40 days, created → WON 50 days.
 * - h2 referral: created Feb 1, MQL Feb 3, SQL Feb 10, WON May 3 (after the range) — created → WON 91 days.
 * - h3 referral: created Feb 15, straight to WON Mar 2 12:00 (skipped MQL) — created → WON 15.5 days.
 * - h4 paid_search: created Jan 5, MQL Jan 6, LOST Jan 20.
 * - h5 paid_search: created Mar 1, MQL Mar 3, SAL Mar 4, SQL Mar 10, WON Mar 23 — MQL → WON 20 days, created → WON 22 days.
 * - h6 referral: created Dec 20 2024 (before the range), MQL Jan 2, WON Jan 12 — MQL → WON 10 days, created → WON 23 days.
 * - h7 referral: created Mar 20, MQL Mar 21, nothing since.
 */
type Stages = Array<[stage: string, at: string]>;
const record = (name: string, source: string, createdAt: string, stages: Stages) => ({
  lead: { email: `${name}@history.example`, firstName: name, lastName: "Past", company: `${name} Ltd`, source, createdAt: `${createdAt}Z` },
  stages: stages.map(([stage, at]) => ({ stage, at: `${at}Z` })),
});

const HISTORY = [
  record("h1", "referral", "2025-01-10T09:00:00", [
    ["MQL", "2025-01-20T09:00:00"],
    ["SAL", "2025-01-21T09:00:00"],
    ["SQL", "2025-02-01T09:00:00"],
    ["WON", "2025-03-01T09:00:00"],
  ]),
  record("h2", "referral", "2025-02-01T00:00:00", [
    ["MQL", "2025-02-03T00:00:00"],
    ["SQL", "2025-02-10T00:00:00"],
    ["WON", "2025-05-03T00:00:00"],
  ]),
  record("h3", "referral", "2025-02-15T00:00:00", [["WON", "2025-03-02T12:00:00"]]),
  record("h4", "paid_search", "2025-01-05T00:00:00", [
    ["MQL", "2025-01-06T00:00:00"],
    ["LOST", "2025-01-20T00:00:00"],
  ]),
  record("h5", "paid_search", "2025-03-01T00:00:00", [
    ["MQL", "2025-03-03T00:00:00"],
    ["SAL", "2025-03-04T00:00:00"],
    ["SQL", "2025-03-10T00:00:00"],
    ["WON", "2025-03-23T00:00:00"],
  ]),
  record("h6", "referral", "2024-12-20T00:00:00", [
    ["MQL", "2025-01-02T00:00:00"],
    ["WON", "2025-01-12T00:00:00"],
  ]),
  record("h7", "referral", "2025-03-20T00:00:00", [["MQL", "2025-03-21T00:00:00"]]),
];

const Q1 = { from: "2025-01-01", to: "2025-03-31" };
const DAY_HOURS = 24;
let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
  const results = await importHistory(HISTORY);
  expect(results.map((result) => result.status)).toEqual(Array(HISTORY.length).fill("created"));
});

afterEach(() => resetRateLimits());

const funnel = async (query: string) => {
  const response = await call(getFunnel, { path: `/metrics/funnel?${query}`, key });
  expect(response.status).toBe(200);
  expect(dashboardMetricsSchema.parse(response.body)).toEqual(response.body);
  return response.body;
};

describe("the dashboard on imported history", () => {
  test("MQL → WON: leads won in the range, from their MQL entry", async () => {
    const body = await funnel(`from=${Q1.from}&to=${Q1.to}`);
    // h6 10 days, h5 20 days, h1 40 days (h2 was won after the range, h3 never was an MQL).
    // In hours 240, 480, 960: median 480; p90 at position 1.8 → 480 + 0.8 · 480 = 864.
    expect(body.velocity.mqlToWon).toEqual({ count: 3, medianHours: 20 * DAY_HOURS, p90Hours: 864 });
    expect(body.velocity.cycleTimes).toContainEqual({ from: "MQL", to: "WON", count: 3, medianHours: 480, p90Hours: 864 });
  });

  test("created → WON counts leads that skipped stages, from their back-dated creation", async () => {
    const body = await funnel(`from=${Q1.from}&to=${Q1.to}`);
    // Won in Q1: h3 after 15.5 days, h5 22, h6 23 (created before the range), h1 50 (Jan 10 09:00 → Mar 1 09:00).
    // In hours 372, 528, 552, 1,200: median (528 + 552) / 2 = 540; p90 at position 2.7 → 552 + 0.7 · 648 = 1,005.6.
    expect(body.velocity.cycleTimes).toContainEqual({ from: "LEAD", to: "WON", count: 4, medianHours: 540, p90Hours: 1005.6 });
    // SQL → WON: h1 Feb 1 → Mar 1 = 28 days, h5 Mar 10 → Mar 23 = 13 days: 312 and 672 hours.
    expect(body.velocity.cycleTimes).toContainEqual({ from: "SQL", to: "WON", count: 2, medianHours: 492, p90Hours: 636 });
  });

  test("won rates by source: leads created in the range, won by now, and the median days to WON", async () => {
    const body = await funnel(`from=${Q1.from}&to=${Q1.to}`);
    // referral: h1, h2, h3, h7 (h6 was created before the range); won h1, h2 (in May), h3.
    // Days to WON 15.5, 50, 91: median 50. MQL h1, h2, h7; SQL h1, h2.
    // paid_search: h4, h5; won h5 after 22 days. MQL both; SQL h5.
    expect(body.sources).toEqual([
      { key: "referral", leads: 4, mql: 3, sql: 2, won: 3, sqlRate: 0.5, wonRate: 0.75, medianDaysToWon: 50 },
      { key: "paid_search", leads: 2, mql: 2, sql: 1, won: 1, sqlRate: 0.5, wonRate: 0.5, medianDaysToWon: 22 },
    ]);
  });

  test("a source's won leads link to a lead table holding exactly them", async () => {
    const manager = await createUser("MANAGER");
    const href = drillDownHref(Q1, { source: "referral", stage: "WON" });
    expect(href).not.toBeNull();
    const { state } = parseLeadTableQuery(new URL(href!, "http://localhost").searchParams);
    const { ids, total } = await matchingLeadIds(state, await filterContext(manager.id), 10);
    expect(total).toBe(3);
    const emails = (await db.lead.findMany({ where: { id: { in: ids } }, select: { email: true } })).map((lead) => lead.email).sort();
    expect(emails).toEqual(["h1@history.example", "h2@history.example", "h3@history.example"]);
  });

  test("a narrower range moves the figures with the history's own dates", async () => {
    // March only: created h5 and h7. Won in March after MQL: h1 (Mar 1) and h5 (Mar 23): 960 and 480 hours,
    // median 720; p90 at position 0.9 → 480 + 0.9 · 480 = 912.
    const march = await funnel("from=2025-03-01&to=2025-03-31");
    expect(march.velocity.mqlToWon).toEqual({ count: 2, medianHours: 720, p90Hours: 912 });
    expect(march.sources).toEqual([
      { key: "paid_search", leads: 1, mql: 1, sql: 1, won: 1, sqlRate: 1, wonRate: 1, medianDaysToWon: 22 },
      { key: "referral", leads: 1, mql: 1, sql: 0, won: 0, sqlRate: 0, wonRate: 0, medianDaysToWon: null },
    ]);
  });
});
