import { beforeAll, describe, expect, test } from "vitest";
import { logEventAction } from "@/lib/server/leads/log-event-actions";
import { db } from "@/lib/server/store/db";
import { createLead, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let marketer: { id: string };

beforeAll(async () => {
  marketer = await createUser("MARKETER");
});

describe("logging an event by hand", () => {
  test("a marketer logs a conference badge scan: stored as manual, the lead re-scored", async () => {
    const lead = await createLead();
    signInAs(marketer);
    const result = await logEventAction({ leadId: lead.id, type: "event_attended", occurredAt: new Date().toISOString(), name: "SaaStr Europa", note: "Wants a demo in January" });
    expect(result).toMatchObject({ ok: true, data: { stage: "LEAD" } });
    const [event] = await db.event.findMany({ where: { leadId: lead.id } });
    expect(event).toMatchObject({ type: "event_attended", source: "manual" });
    expect(JSON.parse(event.properties)).toEqual({ name: "SaaStr Europa", note: "Wants a demo in January" });
    const scored = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(scored.engagementScore).toBeGreaterThan(0);
    expect(result.ok && result.data.total).toBe(scored.totalScore);
  });

  test("bad input names the field and stores nothing", async () => {
    const lead = await createLead();
    signInAs(marketer);
    expect(await logEventAction({ leadId: lead.id, type: "Badge Scan!", occurredAt: new Date().toISOString() })).toMatchObject({ ok: false, error: { fieldErrors: { type: expect.any(String) } } });
    expect(await logEventAction({ leadId: lead.id, type: "event_attended", occurredAt: "" })).toMatchObject({ ok: false, error: { fieldErrors: { occurredAt: expect.any(String) } } });
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect(await logEventAction({ leadId: lead.id, type: "event_attended", occurredAt: future })).toMatchObject({ ok: false, error: { fieldErrors: { occurredAt: expect.stringContaining("future") } } });
    expect(await db.event.count({ where: { leadId: lead.id } })).toBe(0);
  });

  test("admins may not log events; an unknown lead is reported", async () => {
    const lead = await createLead();
    signInAs(await createUser("ADMIN"));
    expect(await logEventAction({ leadId: lead.id, type: "event_attended", occurredAt: new Date().toISOString() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signInAs(marketer);
    expect(await logEventAction({ leadId: "missing", type: "event_attended", occurredAt: new Date().toISOString() })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
