import { beforeAll, describe, expect, test } from "vitest";
import { searchTextOf } from "@/lib/core/lead-search";
import type { RuleFlag, ScoringRules } from "@/lib/core/scoring/types";
import { loadMoreTimelineAction } from "@/lib/server/leads/lead-timeline-actions";
import { addNoteAction } from "@/lib/server/leads/note-actions";
import { db } from "@/lib/server/store/db";
import type { LeadTimelinePage } from "@/lib/views/leads";
import { getLeadDetails, listLeadTimeline } from "@/lib/server/leads/lead-details";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

const at = (iso: string) => new Date(iso);

async function createProfiledLead() {
  const identity = { firstName: "Ada", lastName: "Lovelace", email: "ada@analytical.example", company: "Analytical Engines" };
  return db.lead.create({
    data: {
      ...identity,
      searchText: searchTextOf(identity),
      title: "VP Engineering",
      seniority: "VP",
      phone: "+44 20 7946 0000",
      companySize: 250,
      annualRevenue: 40_000_000,
      industry: "Software",
      country: "GB",
      website: "https://analytical.example",
      source: "webinar",
      customFields: JSON.stringify({ crm: "HubSpot", seats: 40, trial: true }),
      stage: "SAL",
      ownerId: users.rep.id,
      fitScore: 35,
      engagementScore: 12,
      totalScore: 47,
      scoredAt: at("2026-11-20T10:00:00Z"),
      ruleSetVersion: 3,
    },
  });
}

describe("getLeadDetails", () => {
  test("returns the profile, scores and explanation, with the source event's date", async () => {
    const lead = await createProfiledLead();
    await db.event.create({ data: { leadId: lead.id, type: "webinar_attended", occurredAt: at("2026-11-18T15:00:00Z") } });
    // The lead was scored with rule set v3; the explanation is rebuilt from it and the events.
    const rules: ScoringRules = {
      fit: [{ id: "size", label: "Mid-size company", field: "companySize", condition: { operator: "range", min: 200, max: 1000 }, points: 35 }],
      engagement: [{ id: "webinar", label: "Attended a webinar", eventType: "webinar_attended", points: 12 }],
      disqualify: [],
      threshold: { total: 100 },
    };
    await db.ruleSet.create({ data: { version: 3, rules: JSON.stringify(rules), active: false } });
    const flags: RuleFlag[] = [{ ruleId: "student", label: "Student", action: "flag", reasonCode: "student", reason: "Title mentions student" }];
    await db.lead.update({ where: { id: lead.id }, data: { scoreFlags: JSON.stringify(flags) } });

    const details = await getLeadDetails(lead.id);
    expect(details).toMatchObject({
      id: lead.id,
      stage: "SAL",
      owner: { id: users.rep.id, name: "Sam Sales" },
      eventCount: 1,
      profile: {
        name: "Ada Lovelace",
        email: "ada@analytical.example",
        title: "VP Engineering",
        companySize: 250,
        annualRevenue: 40_000_000,
        website: "https://analytical.example",
        customFields: { crm: "HubSpot", seats: 40, trial: true },
      },
      scores: { fit: 35, engagement: 12, total: 47, scoredAt: "2026-11-20T10:00:00.000Z", ruleSetVersion: 3 },
    });
    expect(details.explanation.contributions.map((c) => [c.ruleId, c.points, c.eventOccurredAt])).toEqual([
      ["size", 35, null],
      ["webinar", 12, "2026-11-18T15:00:00.000Z"],
    ]);
    expect(details.explanation.flags).toEqual(flags);
  });

  test("stored JSON that doesn't parse, or isn't a list of the right shape, gives empty lists; an unscored lead has no explanation", async () => {
    const broken = await createLead();
    await db.lead.update({ where: { id: broken.id }, data: { scoreFlags: '{"a":1}', customFields: "[1,2]" } });
    expect(await getLeadDetails(broken.id)).toMatchObject({ explanation: { contributions: [], flags: [] }, profile: { customFields: {} } });
  });

  test("stage history is newest first, names the actor or the system, and labels listed reasons", async () => {
    const lead = await createLead({ stage: "DISQUALIFIED", ownerId: users.rep.id });
    const checklist = JSON.stringify({ budget: true, authority: true, need: true, timeline: false });
    await db.stageTransition.createMany({
      data: [
        { leadId: lead.id, fromStage: "LEAD", toStage: "MQL", move: "markMql", actorId: null, createdAt: at("2026-11-01T09:00:00Z") },
        { leadId: lead.id, fromStage: "MQL", toStage: "SAL", move: "accept", actorId: users.rep.id, checklist, createdAt: at("2026-11-02T09:00:00Z") },
        { leadId: lead.id, fromStage: "SAL", toStage: "DISQUALIFIED", move: "disqualify", actorId: users.rep.id, reasonCode: "no_budget", reason: "Frozen until Q3", createdAt: at("2026-11-03T09:00:00Z") },
      ],
    });

    const { history } = await getLeadDetails(lead.id);
    expect(history.map((entry) => [entry.move, entry.actorName, entry.automatic])).toEqual([
      ["disqualify", "Sam Sales", false],
      ["accept", "Sam Sales", false],
      ["markMql", "Leadgate (automatic)", true],
    ]);
    expect(history[0]).toMatchObject({ reasonCode: "no_budget", reasonLabel: "No budget", reason: "Frozen until Q3", createdAt: "2026-11-03T09:00:00.000Z" });
    expect(history[1].checklist).toEqual({ budget: true, authority: true, need: true, timeline: false });
    expect(history[2]).toMatchObject({ reasonLabel: null, checklist: null });
  });

  test("a missing lead is NOT_FOUND", async () => {
    await expect(getLeadDetails("no-such-lead")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notes", () => {
  test.each(["manager", "marketer", "rep"] as const)("a %s adds a note, trimmed, that shows first with its author", async (who) => {
    const lead = await createLead();
    await db.note.create({ data: { leadId: lead.id, authorId: users.manager.id, body: "Older note", createdAt: at("2020-01-01T00:00:00Z") } });
    signInAs(users[who]);
    const result = await addNoteAction({ leadId: lead.id, body: "  Budget owner is the CFO.\nCall back Tuesday.  " });
    expect(result).toMatchObject({ ok: true, data: { body: "Budget owner is the CFO.\nCall back Tuesday.", authorName: users[who].name } });

    const { activities } = await getLeadDetails(lead.id);
    expect(activities.map((note) => [note.kind, note.body, note.authorName])).toEqual([
      ["note", "Budget owner is the CFO.\nCall back Tuesday.", users[who].name],
      ["note", "Older note", "Morgan Manager"],
    ]);
  });

  test("an admin may not add notes", async () => {
    const lead = await createLead();
    signInAs(users.admin);
    expect(await addNoteAction({ leadId: lead.id, body: "Admins don't work leads" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
  });

  test("an empty or too long note is refused on the body field", async () => {
    const lead = await createLead();
    signInAs(users.rep);
    const empty = await addNoteAction({ leadId: lead.id, body: "   \n  " });
    expect(empty).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { body: "Write the note before saving it." } } });
    const tooLong = await addNoteAction({ leadId: lead.id, body: "x".repeat(5_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { body: "A note can be at most 5,000 characters." } } });
    expect(await addNoteAction({ leadId: lead.id, body: "x".repeat(5_000) })).toMatchObject({ ok: true });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(1);
  });

  test("a note for a lead that doesn't exist is NOT_FOUND", async () => {
    signInAs(users.rep);
    expect(await addNoteAction({ leadId: "no-such-lead", body: "Hello" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  test("without a session nothing is written", async () => {
    const lead = await createLead();
    signInAs(null);
    expect(await addNoteAction({ leadId: lead.id, body: "Sneaky" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await loadMoreTimelineAction({ leadId: lead.id, before: "1:x" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

const eventIds = (page: LeadTimelinePage) => page.entries.flatMap((entry) => (entry.entry === "event" ? [entry.event] : []));

describe("the timeline of events", () => {
  test("pages newest first without gaps or duplicates, even when events share a timestamp", async () => {
    const lead = await createLead();
    const other = await createLead();
    // 130 events over 40 distinct instants, so every page boundary falls inside a tie.
    await db.event.createMany({
      data: Array.from({ length: 130 }, (_, index) => ({
        leadId: lead.id,
        type: index % 2 ? "page_view" : "email_open",
        occurredAt: new Date(Date.UTC(2026, 10, 1) + (index % 40) * 60_000),
        properties: index === 0 ? "not json" : JSON.stringify({ url: `/page/${index}` }),
      })),
    });
    await db.event.create({ data: { leadId: other.id, type: "page_view", occurredAt: new Date(Date.UTC(2026, 10, 1)) } });
    const expected = (await db.event.findMany({ where: { leadId: lead.id }, select: { id: true, occurredAt: true } })).sort(
      (a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1),
    );

    const first = await listLeadTimeline(lead.id);
    expect(first.entries).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const seen = eventIds(first).map((event) => event.id);

    signInAs(users.marketer);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await loadMoreTimelineAction({ leadId: lead.id, before: cursor });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...eventIds(page.data).map((event) => event.id));
      cursor = page.data.nextCursor;
    }
    expect(seen).toEqual(expected.map((event) => event.id));
    expect(new Set(seen).size).toBe(130);

    const small = await listLeadTimeline(lead.id, { limit: 7 });
    expect(eventIds(small).map((event) => event.id)).toEqual(seen.slice(0, 7));
    const all = await listLeadTimeline(lead.id, { limit: 200 });
    expect(all.nextCursor).toBeNull();
    expect(eventIds(all).find((event) => event.properties.url === undefined)?.properties).toEqual({});
  });

  test("a forged cursor is refused", async () => {
    const lead = await createLead();
    signInAs(users.rep);
    expect(await loadMoreTimelineAction({ leadId: lead.id, before: "yesterday" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
