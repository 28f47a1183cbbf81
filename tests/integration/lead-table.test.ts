import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { SETTING_KEYS } from "@/lib/core/workflow-settings";
import { POST as exportLeads } from "@/app/(app)/leads/export/route";
import { db } from "@/lib/server/store/db";
import { loadLeadTable } from "@/lib/server/leads/lead-table";
import { saveSettingNow } from "@/lib/server/settings/workflow-settings";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

const NOW = new Date("2026-11-24T12:00:00Z");
const HOUR = 3_600_000;
let users: Team;
const ids: Record<string, string> = {};

type Seed = { key: string; stage: "LEAD" | "MQL" | "SAL"; score: number; fit: number; owner?: "rep" | "otherRep"; source: string; industry: string; country: string; created: string; enteredHoursAgo: number; lastName: string };

// A small, hand-made book of leads, all in one company so the tests can scope every query to it.
const COMPANY = "Tablecorp";
const SEEDS: Seed[] = [
  { key: "ada", stage: "LEAD", score: 90, fit: 40, source: "webinar", industry: "Software", country: "DE", created: "2026-11-01", enteredHoursAgo: 500, lastName: "Adams" },
  { key: "bo", stage: "LEAD", score: 55, fit: 10, source: "paid_search", industry: "Retail", country: "US", created: "2026-11-10", enteredHoursAgo: 300, lastName: "Brown" },
  { key: "cy", stage: "MQL", score: 82, fit: 30, owner: "rep", source: "webinar", industry: "Software", country: "FR", created: "2026-11-15", enteredHoursAgo: 30, lastName: "Clark" },
  { key: "di", stage: "MQL", score: 81, fit: 25, owner: "otherRep", source: "referral", industry: "Healthcare", country: "DE", created: "2026-11-20", enteredHoursAgo: 2, lastName: "Diaz" },
  { key: "ed", stage: "SAL", score: 70, fit: 35, owner: "rep", source: "referral", industry: "Software", country: "US", created: "2026-11-22", enteredHoursAgo: 50, lastName: "Evans" },
];

beforeAll(async () => {
  users = await createTeam();
  for (const seed of SEEDS) {
    const lead = await createLead({ stage: seed.stage, totalScore: seed.score, company: COMPANY, lastName: seed.lastName, ownerId: seed.owner ? users[seed.owner].id : null });
    await db.lead.update({
      where: { id: lead.id },
      data: {
        fitScore: seed.fit,
        source: seed.source,
        industry: seed.industry,
        country: seed.country,
        createdAt: new Date(`${seed.created}T08:00:00Z`),
        stageEnteredAt: new Date(NOW.getTime() - seed.enteredHoursAgo * HOUR),
      },
    });
    ids[seed.key] = lead.id;
  }
});

async function keys(query: string, userId = users.manager.id): Promise<string[]> {
  const { state } = parseLeadTableQuery(new URLSearchParams(`q=tablecorp&${query}`));
  const page = await loadLeadTable(state, userId, NOW);
  const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  return page.rows.map((row) => byId[row.id]);
}

describe("filters", () => {
  test.each([
    ["stage=MQL,SAL&sort=name.asc", ["cy", "di", "ed"]],
    ["minScore=80&maxScore=89", ["cy", "di"]],
    ["minFit=30", ["ada", "cy", "ed"]],
    ["source=webinar&source=referral&sort=name.asc", ["ada", "cy", "di", "ed"]],
    ["industry=Software&country=DE", ["ada"]],
    ["createdFrom=2026-11-15&createdTo=2026-11-20&sort=name.asc", ["cy", "di"]],
    ["owner=unassigned", ["ada", "bo"]],
  ])("%s → %j", async (query, expected) => {
    expect(await keys(`${query}${query.includes("sort=") ? "" : "&sort=totalScore.desc"}`)).toEqual(expected);
  });

  test('"owner=me" is the signed-in user', async () => {
    expect(await keys("owner=me&sort=name.asc", users.rep.id)).toEqual(["cy", "ed"]);
  });

  test("overdue means MQL for longer than the response SLA, which managers can change", async () => {
    expect(await keys("overdue=1")).toEqual(["cy"]);
    await saveSettingNow(SETTING_KEYS.sla, { mqlResponseHours: 1 }, users.manager.id);
    expect(await keys("overdue=1&sort=stageEnteredAt.asc")).toEqual(["cy", "di"]);
    await db.setting.delete({ where: { key: SETTING_KEYS.sla } });
  });
});

describe("sorting and paging", () => {
  test("any sortable column, both ways, ties broken by id", async () => {
    expect(await keys("sort=name.asc")).toEqual(["ada", "bo", "cy", "di", "ed"]);
    expect(await keys("sort=name.desc")).toEqual(["ed", "di", "cy", "bo", "ada"]);
    expect(await keys("sort=fitScore.desc")).toEqual(["ada", "ed", "cy", "di", "bo"]);
    expect(await keys("sort=createdAt.asc")).toEqual(["ada", "bo", "cy", "di", "ed"]);
    expect(await keys("sort=stageEnteredAt.desc")).toEqual(["di", "cy", "ed", "bo", "ada"]);
  });

  test("pages of the chosen size; a page past the end shows the last page", async () => {
    const { state } = parseLeadTableQuery(new URLSearchParams("q=tablecorp&sort=name.asc&size=25&page=9"));
    const page = await loadLeadTable(state, users.manager.id, NOW);
    expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1 });
    expect(page.rows[0]).toMatchObject({ name: "Lead Adams", company: COMPANY, stage: "LEAD", ownerName: null, totalScore: 90, fitScore: 40, country: "DE" });
  });
});

describe("deep pages", () => {
  test("a page past the middle, read from the other end, holds the same rows as reading forward would", async () => {
    const deep: string[] = [];
    for (let i = 0; i < 30; i++) {
      const lead = await createLead({ company: "Deepcorp", lastName: ["Ng", "Ortiz", "Park"][i % 3] });
      // Empty and repeated values, where the order rests on how empty values sort and on ties broken by id.
      await db.lead.update({ where: { id: lead.id }, data: { source: i % 4 === 0 ? null : ["ads", "event", "referral"][i % 3], industry: i % 5 === 0 ? null : "Retail" } });
      deep.push(lead.id);
    }
    const rowIds = async (query: string) => {
      const { state } = parseLeadTableQuery(new URLSearchParams(`q=deepcorp&${query}`));
      return (await loadLeadTable(state, users.manager.id, NOW)).rows.map((row) => row.id);
    };
    for (const sort of ["source.asc", "source.desc", "industry.asc", "name.desc", "createdAt.asc"]) {
      const all = await rowIds(`sort=${sort}&size=100`);
      expect(all).toHaveLength(30);
      expect(await rowIds(`sort=${sort}&size=25&page=2`)).toEqual(all.slice(25));
    }
  });
});

describe("CSV export", () => {
  function post(fields: Record<string, string>) {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    return exportLeads(new Request("http://localhost/leads/export", { method: "POST", body }));
  }

  test("exports every lead matching the filter, in table order, as an attachment", async () => {
    signInAs(users.marketer);
    const response = await post({ query: "q=tablecorp&stage=MQL&sort=name.asc" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="leadgate-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,name,email,company,title,stage,owner,totalScore,fitScore,engagementScore,source,industry,country,stageEnteredAt,createdAt,updatedAt,lastActivityAt");
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["Lead Clark", "Lead Diaz"]);
    expect(lines[1]).toContain(",MQL,Sam Sales,82,30,");
  });

  test("exports only the selected rows when ids are given", async () => {
    signInAs(users.rep);
    const response = await post({ query: "q=tablecorp&sort=name.desc", ids: `${ids.bo},${ids.ada}` });
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([ids.bo, ids.ada]);
  });

  test("escapes text cells a spreadsheet would run as a formula, and keeps negative numbers as numbers", async () => {
    await createLead({ firstName: '=HYPERLINK("http://evil","x")', lastName: "Formula", company: "Formulacorp", totalScore: -5 });
    await createLead({ firstName: "@SUM(1)", lastName: "Formula", company: "Formulacorp", totalScore: 12 });
    signInAs(users.marketer);
    const response = await post({ query: "q=formulacorp&sort=totalScore.asc" });
    const parsed = Papa.parse<Record<string, string>>((await response.text()).trim(), { header: true });
    expect(parsed.data.map((row) => [row.name, row.totalScore, row.company])).toEqual([
      ['\'=HYPERLINK("http://evil","x") Formula', "-5", "Formulacorp"],
      ["'@SUM(1) Formula", "12", "Formulacorp"],
    ]);
  });

  test("refuses signed-out callers and malformed forms", async () => {
    signInAs(null);
    expect((await post({ query: "" })).status).toBe(401);
    signInAs(users.rep);
    const response = await post({ query: "x".repeat(4_001) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "validation_failed", message: "query: the filter is too long.", details: { query: "query: the filter is too long." } },
    });
  });
});
