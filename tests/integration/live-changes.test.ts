import { beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/live/route";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { db } from "@/lib/server/store/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { liveChangeToken } from "@/lib/server/leads/live-changes";
import type { Team } from "../support/factories";
import { createLead, createTeam, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

// The token follows the latest lead write's time. Back-dating every lead first makes the write
// under test certainly later, however fast the test runs.
async function backDateLeads() {
  await db.lead.updateMany({ data: { updatedAt: new Date("2026-01-01T00:00:00Z") } });
}

describe("the change token", () => {
  test("changes when a lead is moved", async () => {
    const lead = await createLead();
    await backDateLeads();
    const before = await liveChangeToken();
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: lead.version, move: "markMql" })).toMatchObject({ ok: true });
    expect(await liveChangeToken()).not.toBe(before);
  });

  test("changes when an event is ingested for a lead, and when an event brings a new lead", async () => {
    const lead = await createLead();
    await backDateLeads();
    const before = await liveChangeToken();
    expect(await ingestEvents([{ leadId: lead.id, type: "page_view" }], { source: "api" })).toMatchObject([{ status: "created" }]);
    const afterEvent = await liveChangeToken();
    expect(afterEvent).not.toBe(before);

    await ingestEvents([{ email: "new.person@prospect.example", type: "form_submit" }], { source: "api" });
    expect(await liveChangeToken()).not.toBe(afterEvent);
  });

  test("changes for a write stamped earlier than the latest: another instance's clock behind, or a late commit", async () => {
    const [first, second] = [await createLead(), await createLead()];
    await backDateLeads();
    const now = Date.now();
    await db.lead.update({ where: { id: first.id }, data: { updatedAt: new Date(now) } });
    const before = await liveChangeToken();
    await db.lead.update({ where: { id: second.id }, data: { updatedAt: new Date(now - 2_000) } });
    const afterBehind = await liveChangeToken();
    expect(afterBehind).not.toBe(before);
    await db.lead.update({ where: { id: second.id }, data: { updatedAt: new Date(now - 1_000) } });
    expect(await liveChangeToken()).not.toBe(afterBehind);
  });

  test("stays the same when no lead changed: reads, other records, a refused move", async () => {
    const lead = await createLead({ stage: "MQL" });
    const before = await liveChangeToken();
    expect(await liveChangeToken()).toBe(before);
    await createUser("SALES");
    await db.lead.findMany({ take: 10 });
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: lead.version + 1, move: "nurture", reason: "Not now" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await liveChangeToken()).toBe(before);
  });
});

const live = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/live", { headers }));

describe("GET /api/live", () => {
  test("answers 401 with a JSON error when nobody is signed in, or the user was deactivated", async () => {
    signInAs(null);
    const signedOut = await live();
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Sign in") } });

    signInAs(await createUser("MARKETER", { active: false }));
    expect((await live()).status).toBe(401);
  });

  test("answers the token with its ETag, not to be reused without asking", async () => {
    signInAs(users.marketer);
    const response = await live();
    const token = await liveChangeToken();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ token });
    expect(response.headers.get("etag")).toBe(`"${token}"`);
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  test("answers 304 with no body while If-None-Match names the current token, 200 once it moved on", async () => {
    signInAs(users.rep);
    const etag = (await live()).headers.get("etag")!;
    const unchanged = await live({ "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect((await live({ "If-None-Match": `"other", W/${etag}` })).status).toBe(304);

    await createLead();
    const changed = await live({ "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
