import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { saveEmailChoicesAction } from "@/lib/server/email/email-choice-actions";
import { queueDigests } from "@/lib/server/email/digest";
import { deliverDueEmails } from "@/lib/server/email/email-dispatcher";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { db } from "@/lib/server/store/db";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";
import { readMessage, startSmtpSink } from "../support/smtp-sink";

const HOUR = 60 * 60 * 1000;
let users: Team;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  users = await createTeam();
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

beforeEach(async () => {
  vi.stubEnv("LEADGATE_SMTP_URL", sink.url);
  vi.stubEnv("LEADGATE_MAIL_FROM", "Leadgate <leadgate@leads.example>");
  vi.stubEnv("NEXTAUTH_URL", "https://leads.example.com");
  sink.received.length = 0;
  sink.state.refusing = false;
  await db.emailMessage.deleteMany();
  await db.user.updateMany({ data: { emailNotices: "" } });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function choose(user: Team[keyof Team], choices: string[]) {
  signInAs(user);
  const result = await saveEmailChoicesAction({ choices } as Parameters<typeof saveEmailChoicesAction>[0]);
  if (!result.ok) throw new Error(result.error.message);
}

async function markMql(leadId: string) {
  signInAs(users.marketer);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  const result = await moveLeadAction({ leadId, version: lead.version, move: "markMql" });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe("notices by e-mail", () => {
  test("a rep who chose routed MQLs gets an e-mail linking to the lead; one who didn't gets none", async () => {
    await choose(users.rep, ["routed"]);
    const lead = await createLead({ firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines" });
    const moved = await markMql(lead.id);
    const chosenRep = moved.ownerId === users.rep.id;
    const queued = await db.emailMessage.findMany();
    expect(queued).toHaveLength(chosenRep ? 1 : 0);
    if (!chosenRep) {
      // Round robin gave it to the other rep, who chose nothing: the next MQL goes to this rep.
      await markMql((await createLead({ firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines" })).id);
    }
    const [email] = await db.emailMessage.findMany();
    expect(email).toMatchObject({ userId: users.rep.id, kind: "routed", status: "pending", subject: "New MQL routed to you: Ada Lovelace (Analytical Engines)" });

    expect(await deliverDueEmails(new Date(Date.now() + 1000))).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({ from: "leadgate@leads.example", to: [users.rep.email] });
    const message = readMessage(sink.received[0].raw);
    expect(message.subject).toBe("New MQL routed to you: Ada Lovelace (Analytical Engines)");
    expect(message.body).toMatch(/Open it: https:\/\/leads\.example\.com\/leads\/[0-9a-f-]{36}/);
    expect(message.body).toContain("https://leads.example.com/settings/notifications");
    expect(await db.emailMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  test("without SMTP settings nothing is queued; the bell still has the notice", async () => {
    vi.stubEnv("LEADGATE_SMTP_URL", "");
    await choose(users.rep, ["routed"]);
    await choose(users.otherRep, ["routed"]);
    const moved = await markMql((await createLead()).id);
    expect(await db.emailMessage.count()).toBe(0);
    expect(await db.notification.count({ where: { userId: moved.ownerId!, kind: "routed" } })).toBeGreaterThan(0);
  });

  test("a refusing mail server is tried again, within 10 s first, then the e-mail goes", async () => {
    await choose(users.rep, ["sent_back"]);
    const lead = await createLead({ stage: "MQL", ownerId: users.rep.id });
    signInAs(users.manager);
    const result = await moveLeadAction({ leadId: lead.id, version: (await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).version, move: "reject", reasonCode: "no_project" });
    expect(result.ok).toBe(true);
    sink.state.refusing = true;
    const now = new Date(Date.now() + 1000);
    await deliverDueEmails(now);
    const failed = await db.emailMessage.findFirstOrThrow();
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toContain("Mailbox unavailable");
    expect(failed.nextAttemptAt!.getTime() - now.getTime()).toBeLessThanOrEqual(10_000);
    sink.state.refusing = false;
    expect(await deliverDueEmails(new Date(now.getTime() + 10_000))).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(readMessage(sink.received[0].raw).subject).toContain("sent");
  });

  test("a choice the role is never sent is refused, naming it", async () => {
    signInAs(users.rep);
    const result = await saveEmailChoicesAction({ choices: ["digest"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors?.choices).toContain("Each morning");
    expect((await db.user.findUniqueOrThrow({ where: { id: users.rep.id } })).emailNotices).toBe("");
  });
});

describe("the managers' morning digest", () => {
  test("lists MQLs past the SLA and waiting, from 07:00 UTC, once a day", async () => {
    await choose(users.manager, ["digest"]);
    const morning = new Date();
    morning.setUTCHours(7, 30, 0, 0);
    const overdue = await createLead({ stage: "MQL", ownerId: users.rep.id, firstName: "Old", lastName: "Waiting", company: "Slowco" });
    const fresh = await createLead({ stage: "MQL", ownerId: null, firstName: "New", lastName: "Arrival", company: "Newco" });
    await db.lead.update({ where: { id: overdue.id }, data: { stageEnteredAt: new Date(morning.getTime() - 30 * HOUR) } });
    await db.lead.update({ where: { id: fresh.id }, data: { stageEnteredAt: new Date(morning.getTime() - 2 * HOUR) } });

    expect(await queueDigests(new Date(morning.getTime() - HOUR))).toBe(0);
    expect(await queueDigests(morning)).toBe(1);
    expect(await queueDigests(new Date(morning.getTime() + 60_000))).toBe(0);
    await deliverDueEmails(new Date(morning.getTime() + 60_000));

    expect(sink.received.map((message) => message.to)).toEqual([[users.manager.email]]);
    const { subject, body } = readMessage(sink.received[0].raw);
    const day = morning.toISOString().slice(0, 10);
    expect(subject).toMatch(new RegExp(`^Leadgate ${day}: \\d+ MQLs? past the SLA, \\d+ waiting$`));
    expect(body).toContain(`- Old Waiting (Slowco), ${users.rep.name}: 6 h overdue\n  https://leads.example.com/leads/${overdue.id}`);
    expect(body).toContain(`- New Arrival (Newco), unassigned: 22 h left`);
  });
});
