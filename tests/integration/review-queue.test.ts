import { beforeAll, describe, expect, test } from "vitest";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { explainScoreAction } from "@/lib/server/funnel/review-actions";
import { db } from "@/lib/server/store/db";
import { moveLead } from "@/lib/server/funnel/move-lead";
import { REVIEW_PAGE_SIZE } from "@/lib/views/funnel";
import type { ReviewTab } from "@/lib/views/funnel";
import { loadReviewQueue } from "@/lib/server/funnel/review-queue";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

// The default rules (installed in every test database) put the MQL threshold at 80, so the
// review shows leads scoring 60 (75% of it) or more.
let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

const queue = (tab: ReviewTab, page = 1) => loadReviewQueue({ tab, page, userId: users.marketer.id });
const idsOf = async (tab: ReviewTab, page = 1) => (await queue(tab, page)).rows.map((row) => row.id);

describe("the review lists, on a known set of leads", () => {
  test("near or over the threshold: LEADs scoring 60 or more, highest first, 25 a page", async () => {
    const near = [];
    for (let score = 60; score < 60 + REVIEW_PAGE_SIZE + 2; score++) near.push(await createLead({ totalScore: score }));
    await createLead({ totalScore: 59 });
    await createLead({ stage: "MQL", totalScore: 95 });
    await createLead({ stage: "DISQUALIFIED", totalScore: 99 });

    const first = await queue("near");
    expect(first.threshold).toEqual({ total: 80, fit: 15, minimumScore: 60 });
    expect(first.counts.near).toBe(REVIEW_PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect(first.rows.map((row) => row.totalScore)).toEqual(near.slice(2).map((lead) => lead.totalScore).reverse());
    expect(first.rows.every((row) => row.stage === "LEAD" && row.lastReturn === null)).toBe(true);

    const second = await queue("near", 2);
    expect(second.rows.map((row) => row.id)).toEqual([near[1].id, near[0].id]);
    // A page past the end shows the last one rather than nothing.
    expect((await queue("near", 9)).page).toBe(2);
  });

  test("awaiting sales: MQLs, longest waiting first, with whom they were routed to", async () => {
    const hour = 3_600_000;
    const recent = await createLead({ stage: "MQL", ownerId: users.rep.id });
    const oldest = await createLead({ stage: "MQL" });
    await db.lead.update({ where: { id: recent.id }, data: { stageEnteredAt: new Date(Date.now() - hour) } });
    await db.lead.update({ where: { id: oldest.id }, data: { stageEnteredAt: new Date(Date.now() - 30 * hour) } });

    const awaiting = await queue("awaiting");
    const ids = awaiting.rows.map((row) => row.id);
    expect(ids.indexOf(oldest.id)).toBeLessThan(ids.indexOf(recent.id));
    expect(awaiting.rows.every((row) => row.stage === "MQL")).toBe(true);
    expect(awaiting.rows.find((row) => row.id === recent.id)).toMatchObject({ ownerName: "Sam Sales" });
    const entered = awaiting.rows.map((row) => Date.parse(row.stageEnteredAt));
    expect(entered).toEqual([...entered].sort((a, b) => a - b));
    expect(awaiting.counts.awaiting).toBe(awaiting.rows.length);
    expect(awaiting.slaHours).toBe(24);
  });
});

describe("sales sends a lead back", () => {
  test("a lead a rep rejects shows under 'Returned by sales' with the reason, who and when", async () => {
    const lead = await createLead({ stage: "MQL", ownerId: users.rep.id, totalScore: 72, firstName: "Rita", lastName: "Rejected" });
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: lead.id, version: lead.version, move: "reject", reasonCode: "other", reason: "No budget until next fiscal year" })).toMatchObject({ ok: true });

    const returned = await queue("returned");
    const row = returned.rows.find((candidate) => candidate.id === lead.id);
    expect(row).toMatchObject({ stage: "LEAD", name: "Rita Rejected", lastReturn: { move: "reject", reason: "Other: No budget until next fiscal year", note: null, actorName: "Sam Sales" } });
    expect(row?.returnedAt).toBe(row?.lastReturn?.at);
    expect(returned.counts.returned).toBeGreaterThanOrEqual(1);
    // It scores above 60, so it is also near the threshold, carrying the same callout.
    expect((await queue("near")).rows.find((candidate) => candidate.id === lead.id)?.lastReturn).toMatchObject({ move: "reject", actorName: "Sam Sales" });
    expect(await idsOf("awaiting")).not.toContain(lead.id);
  });

  test("the newest return comes first, and a lead returned twice shows its latest reason", async () => {
    const older = await createLead({ stage: "MQL", ownerId: users.rep.id });
    const twice = await createLead({ stage: "MQL", ownerId: users.otherRep.id });
    const rep = { id: users.rep.id, role: "SALES" as const };
    const otherRep = { id: users.otherRep.id, role: "SALES" as const };
    const marketer = { id: users.marketer.id, role: "MARKETER" as const };
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

    await moveLead(otherRep, { leadId: twice.id, version: 1, move: "reject", reasonCode: "wrong_contact" }, at(50));
    await moveLead(marketer, { leadId: twice.id, version: 2, move: "markMql" }, at(40));
    await db.lead.update({ where: { id: twice.id }, data: { ownerId: users.rep.id } });
    await moveLead(rep, { leadId: older.id, version: 1, move: "reject", reasonCode: "other", reason: "Just a student" }, at(30));
    await moveLead(rep, { leadId: twice.id, version: 3, move: "reject", reasonCode: "already_with_sales", reason: "Signed last week" }, at(10));

    const rows = (await queue("returned")).rows;
    const ids = rows.map((row) => row.id);
    expect(ids.indexOf(twice.id)).toBeLessThan(ids.indexOf(older.id));
    expect(rows.find((row) => row.id === twice.id)?.lastReturn).toMatchObject({ reason: "Already a customer or talking to sales", note: "Signed last week", actorName: "Sam Sales" });
    const returnedAt = rows.map((row) => Date.parse(row.returnedAt ?? ""));
    expect(returnedAt).toEqual([...returnedAt].sort((a, b) => b - a));
  });
});

describe("marketing decides from the list", () => {
  test("a marketer marks a listed lead MQL: routing gives it a rep and it moves to 'Awaiting sales'", async () => {
    const lead = await createLead({ totalScore: 77, firstName: "Mia", lastName: "Promoted" });
    const listed = (await queue("near")).rows.find((row) => row.id === lead.id);
    expect(listed).toBeDefined();

    signInAs(users.marketer);
    const result = await moveLeadAction({ leadId: lead.id, version: listed?.version ?? 0, move: "markMql" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.stage).toBe("MQL");
    expect([users.rep.id, users.otherRep.id]).toContain(result.data.ownerId);
    expect(result.data.ownerName).toBe([users.rep, users.otherRep].find((rep) => rep.id === result.data.ownerId)?.name);

    expect(await idsOf("near")).not.toContain(lead.id);
    const awaiting = (await queue("awaiting")).rows.find((row) => row.id === lead.id);
    expect(awaiting).toMatchObject({ stage: "MQL", ownerId: result.data.ownerId, ownerName: result.data.ownerName });
  });

  test("a marketer sends an awaiting MQL to nurture; marking it again with the old version is a conflict", async () => {
    const lead = await createLead({ stage: "MQL", totalScore: 64 });
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "nurture", reason: "Project starts next year" })).toMatchObject({ ok: true, data: { stage: "LEAD" } });
    expect(await idsOf("awaiting")).not.toContain(lead.id);
    expect((await queue("returned")).rows.find((row) => row.id === lead.id)?.lastReturn).toMatchObject({ move: "nurture", reason: "Project starts next year", actorName: "Maya Marketer" });

    const stale = await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "no_budget" });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", details: { lead: { id: lead.id, stage: "LEAD", version: 2 } } } });
  });
});

describe("the score explanation action", () => {
  async function createScoredLead() {
    const lead = await createLead({ totalScore: 30 });
    const event = await db.event.create({ data: { leadId: lead.id, type: "webinar_attended", occurredAt: new Date("2026-11-18T15:00:00Z") } });
    await db.lead.update({
      where: { id: lead.id },
      data: { seniority: "VP", website: "https://example.com", fitScore: 18, engagementScore: 12, scoredAt: new Date("2026-11-18T15:00:00Z"), ruleSetVersion: 1 },
    });
    return { lead, event };
  }

  test("a marketer gets the contributions behind the score, with the event's date", async () => {
    const { lead, event } = await createScoredLead();
    signInAs(users.marketer);
    const result = await explainScoreAction({ leadId: lead.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.scores).toMatchObject({ fit: 18, engagement: 12, total: 30, ruleSetVersion: 1, scoredAt: "2026-11-18T15:00:00.000Z" });
    expect(result.data.contributions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "fit", ruleId: "seniority-vp", points: 18, eventOccurredAt: null }),
        expect.objectContaining({ kind: "engagement", ruleId: "webinar-attended", points: 12, eventId: event.id, eventOccurredAt: "2026-11-18T15:00:00.000Z" }),
      ]),
    );
  });

  test("a manager may read it too; a lead never scored has no contributions", async () => {
    const lead = await createLead();
    signInAs(users.manager);
    expect(await explainScoreAction({ leadId: lead.id })).toMatchObject({ ok: true, data: { scores: { scoredAt: null }, contributions: [] } });
  });

  test("a sales rep is refused, an unknown lead is not found, and a missing id names the field", async () => {
    const { lead } = await createScoredLead();
    signInAs(users.rep);
    expect(await explainScoreAction({ leadId: lead.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signInAs(users.admin);
    expect(await explainScoreAction({ leadId: lead.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signInAs(users.marketer);
    expect(await explainScoreAction({ leadId: "no-such-lead" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await explainScoreAction({ leadId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { leadId: "Which lead to explain is missing." } } });
    signInAs(null);
    expect(await explainScoreAction({ leadId: lead.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
