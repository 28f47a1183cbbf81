import { beforeAll, describe, expect, test } from "vitest";
import { GET as getNotifications } from "@/app/api/notifications/route";
import { bulkAssignAction } from "@/lib/server/funnel/bulk-lead-actions";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { markNotificationsReadAction } from "@/lib/server/notifications/notification-actions";
import { notificationsFor, notifySlaDeadlines } from "@/lib/server/notifications/notifications";
import { db } from "@/lib/server/store/db";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

async function move(user: Team[keyof Team], leadId: string, input: Record<string, unknown>) {
  signInAs(user);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  const result = await moveLeadAction({ leadId, version: lead.version, ...input } as Parameters<typeof moveLeadAction>[0]);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const textsOf = async (userId: string, leadId: string) => (await notificationsFor(userId)).items.filter((item) => item.href === `/leads/${leadId}`).map((item) => item.text);

describe("what makes a notification", () => {
  test("a lead marked MQL tells the rep it was routed to, and nobody else", async () => {
    const lead = await createLead({ firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines" });
    const moved = await move(users.marketer, lead.id, { move: "markMql" });
    const routedTo = moved.ownerId!;
    expect([users.rep.id, users.otherRep.id]).toContain(routedTo);
    expect(await textsOf(routedTo, lead.id)).toEqual(["New MQL routed to you: Ada Lovelace (Analytical Engines)"]);
    const other = routedTo === users.rep.id ? users.otherRep : users.rep;
    expect(await textsOf(other.id, lead.id)).toEqual([]);
    expect(await textsOf(users.marketer.id, lead.id)).toEqual([]);
  });

  test("a manager sending a rep's MQL back tells the rep; the rep sending it back tells nobody", async () => {
    const lead = await createLead({ stage: "MQL", ownerId: users.rep.id, firstName: "Bo", lastName: "Brown", company: "Brownco" });
    await move(users.manager, lead.id, { move: "reject", reasonCode: "no_project" });
    expect(await textsOf(users.rep.id, lead.id)).toEqual(["Morgan Manager sent Bo Brown (Brownco) back to marketing"]);

    const own = await createLead({ stage: "MQL", ownerId: users.rep.id });
    await move(users.rep, own.id, { move: "reject", reasonCode: "no_project" });
    expect(await textsOf(users.rep.id, own.id)).toEqual([]);
  });

  test("a manager reopening a rep's lost deal tells the rep", async () => {
    const lead = await createLead({ stage: "LOST", ownerId: users.rep.id, firstName: "Cy", lastName: "Clark", company: "Clarkco" });
    await move(users.manager, lead.id, { move: "reopen", reason: "They came back" });
    expect(await textsOf(users.rep.id, lead.id)).toEqual(["Morgan Manager reopened Cy Clark (Clarkco)"]);
  });

  test("a manager assigning leads, on accept or in bulk, tells the rep who gets them", async () => {
    const accepted = await createLead({ stage: "MQL", firstName: "Di", lastName: "Diaz", company: "Diazco" });
    await move(users.manager, accepted.id, { move: "accept", assigneeId: users.otherRep.id });
    expect(await textsOf(users.otherRep.id, accepted.id)).toEqual(["Morgan Manager assigned you Di Diaz (Diazco)"]);

    const bulk = await createLead({ stage: "SAL", ownerId: users.rep.id, firstName: "Ed", lastName: "Evans", company: "Evansco" });
    signInAs(users.manager);
    expect(await bulkAssignAction({ leadIds: [bulk.id], assigneeId: users.otherRep.id })).toMatchObject({ ok: true });
    expect(await textsOf(users.otherRep.id, bulk.id)).toEqual(["Morgan Manager assigned you Ed Evans (Evansco)"]);
  });
});

describe("reading and marking", () => {
  test("GET /api/notifications answers the signed-in user's own, with the unread count; signed out, 401", async () => {
    const lead = await createLead({ stage: "MQL", ownerId: users.otherRep.id });
    await move(users.manager, lead.id, { move: "reject", reasonCode: "no_project" });
    signInAs(users.otherRep);
    const response = await getNotifications(new Request("http://localhost/api/notifications"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.unread).toBe((await db.notification.count({ where: { userId: users.otherRep.id, readAt: null } })));
    expect(body.items[0]).toMatchObject({ href: `/leads/${lead.id}`, read: false, text: expect.stringContaining("sent") });
    expect(body.items.every((item: { id: string }) => item.id)).toBe(true);

    signInAs(null);
    expect((await getNotifications(new Request("http://localhost/api/notifications"))).status).toBe(401);
  });

  test("marking read touches only the caller's own: one by id, then all; another user's id marks nothing", async () => {
    const [first, second] = [await createLead({ stage: "MQL", ownerId: users.rep.id }), await createLead({ stage: "MQL", ownerId: users.rep.id })];
    await move(users.manager, first.id, { move: "reject", reasonCode: "no_project" });
    await move(users.manager, second.id, { move: "reject", reasonCode: "no_project" });
    const mine = (await notificationsFor(users.rep.id)).items.filter((item) => !item.read);
    expect(mine.length).toBeGreaterThanOrEqual(2);

    signInAs(users.otherRep);
    expect(await markNotificationsReadAction({ ids: [mine[0].id] })).toEqual({ ok: true, data: 0 });
    expect((await notificationsFor(users.rep.id)).unread).toBe(mine.length);

    signInAs(users.rep);
    expect(await markNotificationsReadAction({ ids: [mine[0].id] })).toEqual({ ok: true, data: 1 });
    expect((await notificationsFor(users.rep.id)).unread).toBe(mine.length - 1);
    expect(await markNotificationsReadAction({ ids: null })).toEqual({ ok: true, data: mine.length - 1 });
    expect((await notificationsFor(users.rep.id)).unread).toBe(0);

    expect(await markNotificationsReadAction({ ids: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("SLA notices", () => {
  const HOUR = 3_600_000;

  async function mqlEntered(hoursAgo: number, now: Date, ownerId: string | null = users.rep.id) {
    const lead = await createLead({ stage: "MQL", ownerId });
    await db.lead.update({ where: { id: lead.id }, data: { stageEnteredAt: new Date(now.getTime() - hoursAgo * HOUR) } });
    return lead;
  }
  const kindsOf = async (userId: string, leadId: string) =>
    (await db.notification.findMany({ where: { userId, leadId }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((notice) => notice.kind);

  test("an owned MQL in the SLA's last fifth is due soon, past it overdue: each told once; on track or unassigned, nothing", async () => {
    // The default SLA is 24 hours: due soon from 19.2 h in MQL.
    const now = new Date();
    const dueSoon = await mqlEntered(20, now);
    const onTrack = await mqlEntered(10, now);
    const unassigned = await mqlEntered(30, now, null);
    const overdue = await mqlEntered(30, now);

    await notifySlaDeadlines(now);
    expect(await kindsOf(users.rep.id, dueSoon.id)).toEqual(["sla_due_soon"]);
    expect(await kindsOf(users.rep.id, overdue.id)).toEqual(["sla_overdue"]);
    expect(await kindsOf(users.rep.id, onTrack.id)).toEqual([]);
    expect(await db.notification.count({ where: { leadId: unassigned.id } })).toBe(0);
    expect(await textsOf(users.rep.id, overdue.id)).toEqual([expect.stringMatching(/is past the response SLA$/)]);

    expect(await notifySlaDeadlines(new Date(now.getTime() + 60_000))).toBe(0);
    await notifySlaDeadlines(new Date(now.getTime() + 10 * HOUR));
    expect(await kindsOf(users.rep.id, dueSoon.id)).toEqual(["sla_due_soon", "sla_overdue"]);
    expect(await kindsOf(users.rep.id, onTrack.id)).toEqual(["sla_due_soon"]);
  });

  test("an MQL that left MQL and came back is told of again; one overdue for over a day is old news", async () => {
    const now = new Date();
    const lead = await mqlEntered(21, now);
    await notifySlaDeadlines(now);
    expect(await kindsOf(users.rep.id, lead.id)).toEqual(["sla_due_soon"]);
    // Sent back to marketing and made MQL again, 20 hours ago by the clock of a later run.
    const later = new Date(now.getTime() + 30 * HOUR);
    await db.lead.update({ where: { id: lead.id }, data: { stageEnteredAt: new Date(later.getTime() - 20 * HOUR) } });
    await notifySlaDeadlines(later);
    expect(await kindsOf(users.rep.id, lead.id)).toEqual(["sla_due_soon", "sla_due_soon"]);

    const stale = await mqlEntered(24 + 25, now);
    await notifySlaDeadlines(now);
    expect(await kindsOf(users.rep.id, stale.id)).toEqual([]);
  });
});
