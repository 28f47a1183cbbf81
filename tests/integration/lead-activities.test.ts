import { beforeAll, describe, expect, test } from "vitest";
import { ACTIVITY_KINDS } from "@/lib/core/activities";
import { loadMoreTimelineAction } from "@/lib/server/leads/lead-timeline-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { addNoteAction } from "@/lib/server/leads/note-actions";
import { db } from "@/lib/server/store/db";
import type { TimelineEntry } from "@/lib/views/leads";
import { getLeadDetails, listLeadTimeline } from "@/lib/server/leads/lead-details";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

const at = (iso: string) => new Date(iso);

describe("logging activities", () => {
  test.each(ACTIVITY_KINDS)("a sales rep logs a %s; it is stored with its kind and listed first", async (kind) => {
    const lead = await createLead({ stage: "SAL", ownerId: users.rep.id });
    await db.note.create({ data: { leadId: lead.id, authorId: users.manager.id, body: "Older note", createdAt: at("2020-01-01T00:00:00Z") } });
    signInAs(users.rep);

    const result = await addNoteAction({ leadId: lead.id, kind, body: `  About the ${kind}  ` });
    expect(result).toMatchObject({ ok: true, data: { kind, body: `About the ${kind}`, authorName: "Sam Sales" } });

    const { activities } = await getLeadDetails(lead.id);
    expect(activities.map((activity) => [activity.kind, activity.body, activity.authorName])).toEqual([
      [kind, `About the ${kind}`, "Sam Sales"],
      ["note", "Older note", "Morgan Manager"],
    ]);
    expect(await db.note.findMany({ where: { leadId: lead.id, authorId: users.rep.id }, select: { kind: true } })).toEqual([{ kind }]);
  });

  test("without a kind, the entry is a note", async () => {
    const lead = await createLead();
    signInAs(users.marketer);
    expect(await addNoteAction({ leadId: lead.id, body: "Came by the booth twice" })).toMatchObject({ ok: true, data: { kind: "note" } });
  });

  test("an unknown kind is refused on the kind field and nothing is written", async () => {
    const lead = await createLead();
    signInAs(users.rep);
    for (const kind of ["sms", "", "Call"]) {
      const result = await addNoteAction({ leadId: lead.id, kind: kind as "call", body: "Texted them" });
      expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { kind: "Choose a note, call, e-mail or meeting." } } });
      // The message names the field as the form labels it, not by its name in the code.
      if (!result.ok) expect(result.error.message).toBe("Check the form: What to log: Choose a note, call, e-mail or meeting.");
    }
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
  });

  test("an empty entry is refused on the body field, in words that name what is being logged", async () => {
    const lead = await createLead();
    signInAs(users.rep);
    expect(await addNoteAction({ leadId: lead.id, kind: "call", body: "  " })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { body: "Write what was said on the call before logging it." } },
    });
    expect(await addNoteAction({ leadId: lead.id, kind: "meeting", body: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { body: "Write what was discussed in the meeting before logging it." } },
    });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
  });

  test.each(ACTIVITY_KINDS)("an admin may not log a %s", async (kind) => {
    const lead = await createLead();
    signInAs(users.admin);
    expect(await addNoteAction({ leadId: lead.id, kind, body: "Admins don't work leads" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
  });

  test("a kind stored by another version of Leadgate reads as a note", async () => {
    const lead = await createLead();
    await db.note.create({ data: { leadId: lead.id, authorId: users.rep.id, kind: "sms", body: "Texted the buyer" } });
    expect((await getLeadDetails(lead.id)).activities).toMatchObject([{ kind: "note", body: "Texted the buyer" }]);
  });
});

const keyOf = (entry: TimelineEntry) => (entry.entry === "event" ? `event:${entry.event.id}` : `activity:${entry.activity.id}`);

describe("activities in the timeline", () => {
  test("interleave with the lead's events by time, newest first", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.rep.id });
    await db.event.createMany({
      data: [
        { leadId: lead.id, type: "page_view", occurredAt: at("2026-11-01T09:00:00Z") },
        { leadId: lead.id, type: "content_download", occurredAt: at("2026-11-03T09:00:00Z") },
      ],
    });
    await db.note.createMany({
      data: [
        { leadId: lead.id, authorId: users.rep.id, kind: "call", body: "Intro call", createdAt: at("2026-11-02T09:00:00Z") },
        { leadId: lead.id, authorId: users.manager.id, kind: "meeting", body: "Demo with the team", createdAt: at("2026-11-04T09:00:00Z") },
      ],
    });

    const { entries, nextCursor } = await listLeadTimeline(lead.id);
    expect(nextCursor).toBeNull();
    expect(entries.map((entry) => (entry.entry === "event" ? entry.event.type : `${entry.activity.kind} by ${entry.activity.authorName}`))).toEqual([
      "meeting by Morgan Manager",
      "content_download",
      "call by Sam Sales",
      "page_view",
    ]);
  });

  test("pages without gaps or duplicates when events and activities share timestamps", async () => {
    const lead = await createLead();
    const other = await createLead();
    // Both kinds of entry over the same 12 instants, so page boundaries fall inside ties between them.
    const instant = (index: number) => new Date(Date.UTC(2026, 10, 1) + (index % 12) * 60_000);
    await db.event.createMany({ data: Array.from({ length: 40 }, (_, index) => ({ leadId: lead.id, type: "page_view", occurredAt: instant(index) })) });
    await db.note.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({ leadId: lead.id, authorId: users.rep.id, kind: ACTIVITY_KINDS[index % 4], body: `Entry ${index}`, createdAt: instant(index) })),
    });
    await db.note.create({ data: { leadId: other.id, authorId: users.rep.id, body: "Someone else's lead", createdAt: instant(0) } });

    const all = await listLeadTimeline(lead.id, { limit: 200 });
    expect(all.entries).toHaveLength(65);
    const time = (entry: TimelineEntry) => new Date(entry.entry === "event" ? entry.event.occurredAt : entry.activity.createdAt).getTime();
    expect(all.entries.every((entry, index) => index === 0 || time(all.entries[index - 1]) >= time(entry))).toBe(true);

    const seen: string[] = [];
    let page = await listLeadTimeline(lead.id, { limit: 7 });
    seen.push(...page.entries.map(keyOf));
    signInAs(users.rep);
    while (page.nextCursor) {
      const next = await loadMoreTimelineAction({ leadId: lead.id, before: page.nextCursor });
      if (!next.ok) throw new Error(next.error.message);
      page = next.data;
      seen.push(...page.entries.map(keyOf));
    }
    expect(seen).toEqual(all.entries.map(keyOf));
  });

  test("a lead with neither events nor activities has an empty timeline", async () => {
    const lead = await createLead();
    expect(await listLeadTimeline(lead.id)).toEqual({ entries: [], nextCursor: null });
  });
});

describe("owner history", () => {
  test("is newest first, with the names of both owners and of who decided, or Leadgate routing", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.otherRep.id });
    await db.leadAssignment.createMany({
      data: [
        { leadId: lead.id, fromOwnerId: null, toOwnerId: users.rep.id, actorId: null, rule: "Round robin", createdAt: at("2026-11-01T09:00:00Z") },
        { leadId: lead.id, fromOwnerId: users.rep.id, toOwnerId: users.otherRep.id, actorId: users.manager.id, rule: "Assigned by a manager on accept", createdAt: at("2026-11-02T09:00:00Z") },
        { leadId: lead.id, fromOwnerId: null, toOwnerId: null, actorId: null, rule: "No active sales reps", createdAt: at("2026-10-30T09:00:00Z") },
      ],
    });

    const { assignments } = await getLeadDetails(lead.id);
    expect(assignments).toEqual([
      {
        id: expect.any(String),
        from: { id: users.rep.id, name: "Sam Sales" },
        to: { id: users.otherRep.id, name: "Sasha Sales" },
        automatic: false,
        actorName: "Morgan Manager",
        rule: "Assigned by a manager on accept",
        createdAt: "2026-11-02T09:00:00.000Z",
      },
      { id: expect.any(String), from: null, to: { id: users.rep.id, name: "Sam Sales" }, automatic: true, actorName: "Leadgate routing", rule: "Round robin", createdAt: "2026-11-01T09:00:00.000Z" },
      { id: expect.any(String), from: null, to: null, automatic: true, actorName: "Leadgate routing", rule: "No active sales reps", createdAt: "2026-10-30T09:00:00.000Z" },
    ]);
  });

  test("records routing, a manager's assignment on accept and the return to marketing as they happen", async () => {
    const lead = await createLead();
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "markMql" })).toMatchObject({ ok: true });
    const routed = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { owner: { select: { id: true, name: true } } } });
    if (!routed.owner) throw new Error("Routing gave the new MQL no owner.");
    const other = routed.owner.id === users.rep.id ? users.otherRep : users.rep;

    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: lead.id, version: 2, move: "accept", assigneeId: other.id })).toMatchObject({ ok: true });
    signInAs(other);
    expect(await moveLeadAction({ leadId: lead.id, version: 3, move: "recycle", reason: "Not buying this year" })).toMatchObject({ ok: true });

    const { assignments, owner } = await getLeadDetails(lead.id);
    expect(owner).toBeNull();
    // The three moves may fall within one millisecond, so the comparison ignores their order.
    expect(assignments.map(({ from, to, actorName, rule }) => ({ from: from?.name ?? null, to: to?.name ?? null, actorName, rule }))).toEqual(
      expect.arrayContaining([
        { from: null, to: routed.owner.name, actorName: "Leadgate routing", rule: "Round robin" },
        { from: routed.owner.name, to: other.name, actorName: "Morgan Manager", rule: "Assigned by a manager on accept" },
        { from: other.name, to: null, actorName: other.name, rule: "Returned to marketing" },
      ]),
    );
    expect(assignments).toHaveLength(3);
  });
});
