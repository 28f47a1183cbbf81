import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { OPTIONS as preflight, POST as postCollect } from "@/app/api/v1/collect/route";
import { GET as getLeads } from "@/app/api/v1/leads/route";
import { GET as getSnippet } from "@/app/t.js/route";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { createWriteKey, ensureDemoWriteKey, revokeWriteKey } from "@/lib/server/tracking/write-keys";
import { call, createKey } from "../support/api";
import { createUser } from "../support/factories";

const SITE = "https://www.example.com";
const APP = "http://localhost";
let writeKey: string;
let otherWriteKey: string;

beforeAll(async () => {
  const admin = await createUser("ADMIN");
  writeKey = (await createWriteKey({ name: "Marketing site", origins: [SITE], createdById: admin.id })).key;
  otherWriteKey = (await createWriteKey({ name: "Docs site", origins: ["https://docs.example.com"], createdById: admin.id })).key;
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await resetRateLimits();
});

type Options = { origin?: string | null; contentType?: string; rawBody?: string; address?: string };

/** Sends to the collector as a browser on `origin` would (sendBeacon's text/plain unless told otherwise). */
async function send(body: unknown, options: Options = {}) {
  const headers = new Headers({ "content-type": options.contentType ?? "text/plain;charset=UTF-8", host: "localhost", "x-forwarded-for": options.address ?? "203.0.113.7" });
  const origin = options.origin === undefined ? SITE : options.origin;
  if (origin) headers.set("origin", origin);
  const response = await postCollect(new Request(`${APP}/api/v1/collect`, { method: "POST", headers, body: options.rawBody ?? JSON.stringify(body) }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const anonymousId = () => `visitor-${Math.random().toString(36).slice(2, 12)}`;
const pageView = (id: string, url: string, key = writeKey) => ({ writeKey: key, anonymousId: id, type: "page_view", url, referrer: "https://search.example/" });

describe("the collector's door: keys, origins, bodies", () => {
  test("a listed origin gets 202 with its CORS header; another origin is refused and gets none", async () => {
    const accepted = await send(pageView(anonymousId(), `${SITE}/`));
    expect(accepted).toMatchObject({ status: 202, body: { accepted: true } });
    expect(accepted.headers.get("access-control-allow-origin")).toBe(SITE);

    const foreign = await send(pageView(anonymousId(), "https://evil.example/"), { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();

    // Another key's site is not this key's.
    expect((await send(pageView(anonymousId(), `${SITE}/`, otherWriteKey))).status).toBe(403);
  });

  test("the preflight answers origins some active key lists, and refuses the rest", async () => {
    const ask = (origin: string) => preflight(new Request(`${APP}/api/v1/collect`, { method: "OPTIONS", headers: { origin, host: "localhost", "access-control-request-method": "POST" } }));
    const allowed = await ask("https://docs.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://docs.example.com");
    expect(allowed.headers.get("access-control-allow-methods")).toBe("POST");
    const refused = await ask("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect((await refused.json()).error.code).toBe("forbidden");
  });

  test("JSON as text/plain or application/json is taken; other types, bodies over 32 KB and bad fields are refused clearly", async () => {
    expect((await send(pageView(anonymousId(), `${SITE}/`), { contentType: "application/json" })).status).toBe(202);
    expect((await send(pageView(anonymousId(), `${SITE}/`), { contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    const huge = await send(null, { rawBody: JSON.stringify({ ...pageView(anonymousId(), `${SITE}/`), properties: { filler: "x".repeat(33 * 1024) } }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain("32 KB");
    const bad = await send({ writeKey, anonymousId: "x", type: "click" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(["anonymousId", "type"]);
    expect(bad.headers.get("content-type")).toContain("application/json");
  });

  test("unknown and revoked write keys get 401; a write key opens no other endpoint", async () => {
    expect((await send(pageView(anonymousId(), `${SITE}/`, "lg_pub_nope"))).status).toBe(401);
    const admin = await createUser("ADMIN");
    const doomed = await createWriteKey({ name: `Doomed ${Math.random()}`, origins: [SITE], createdById: admin.id });
    await revokeWriteKey(doomed.id);
    const revoked = await send(pageView(anonymousId(), `${SITE}/`, doomed.key));
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toContain("revoked");

    const asApiKey = await call(getLeads, { path: "/leads", key: writeKey });
    expect(asApiKey.status).toBe(403);
    expect(asApiKey.body.error.message).toContain("/api/v1/collect");
    // And an API key is no write key.
    expect((await send(pageView(anonymousId(), `${SITE}/`, (await createKey()).key))).status).toBe(401);
  });

  test("the demo key answers only the app's own pages", async () => {
    const demoKey = "lg_pub_demo_for_collector_tests";
    expect(await ensureDemoWriteKey(demoKey)).toBe(true);
    expect(await ensureDemoWriteKey(demoKey)).toBe(false);
    expect((await send(pageView(anonymousId(), `${APP}/demo-site`, demoKey), { origin: APP })).status).toBe(202);
    expect((await send(pageView(anonymousId(), `${SITE}/`, demoKey))).status).toBe(403);
  });

  test("each address and each key is rate-limited, with Retry-After", async () => {
    vi.stubEnv("LEADGATE_COLLECT_RATE_LIMIT_PER_ADDRESS", "2");
    const id = anonymousId();
    expect((await send(pageView(id, `${SITE}/a`), { address: "198.51.100.9" })).status).toBe(202);
    expect((await send(pageView(id, `${SITE}/b`), { address: "198.51.100.9" })).status).toBe(202);
    const limited = await send(pageView(id, `${SITE}/c`), { address: "198.51.100.9" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-allow-origin")).toBe(SITE);
    expect((await send(pageView(id, `${SITE}/c`), { address: "198.51.100.10" })).status).toBe(202);
  });
});

describe("anonymous visitors and the merge", () => {
  test("page views wait under the anonymous id; a form with an e-mail makes the lead, which gets them, scored", async () => {
    const id = anonymousId();
    await send(pageView(id, `${SITE}/?utm_source=newsletter&utm_campaign=winter-launch`));
    await send(pageView(id, `${SITE}/pricing`));
    expect(await db.event.count({ where: { source: "tracking", properties: { contains: id } } })).toBe(0);
    const visitor = await db.visitor.findFirstOrThrow({ where: { anonymousId: id }, include: { events: true } });
    expect(visitor.leadId).toBeNull();
    expect(visitor.events).toHaveLength(2);

    const submitted = await send({
      writeKey,
      anonymousId: id,
      type: "form_submit",
      url: `${SITE}/contact`,
      traits: { email: "Grace.Hopper@Navy.example", "First name": "Grace", last_name: "Hopper", company: "Navy", message: "Call me", password: "hunter2" },
      properties: { form: "contact-sales" },
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({ accepted: true });

    const lead = await db.lead.findUniqueOrThrow({ where: { email: "grace.hopper@navy.example" }, include: { events: { orderBy: { occurredAt: "asc" } } } });
    expect(lead).toMatchObject({ firstName: "Grace", lastName: "Hopper", company: "Navy", source: "website", campaign: "winter-launch" });
    expect(JSON.stringify(lead)).not.toContain("hunter2");
    expect(lead.events.map((event) => [event.type, event.source])).toEqual([
      ["page_view", "tracking"],
      ["page_view", "tracking"],
      ["form_submit", "tracking"],
    ]);
    expect(JSON.parse(lead.events[1].properties)).toMatchObject({ url: `${SITE}/pricing`, referrer: "https://search.example/" });
    // Page view 1 + pricing page 1 + 5 + form 10, by the default rules.
    expect(lead.engagementScore).toBe(17);
    expect(await db.visitorEvent.count({ where: { visitorId: visitor.id } })).toBe(0);
    expect((await db.visitor.findUniqueOrThrow({ where: { id: visitor.id } })).leadId).toBe(lead.id);

    // From now on the visitor's page views are the lead's at once.
    await send(pageView(id, `${SITE}/docs`));
    expect(await db.event.count({ where: { leadId: lead.id } })).toBe(4);
  });

  test("identify merges the same way; sent twice, nothing is counted twice; a form without an e-mail stays anonymous", async () => {
    const id = anonymousId();
    await send(pageView(id, `${SITE}/features`));
    await send({ writeKey, anonymousId: id, type: "form_submit", url: `${SITE}/newsletter`, traits: { company: "Unknown yet" } });
    const identify = { writeKey, anonymousId: id, type: "identify", url: `${SITE}/app`, traits: { email: "ada@engines.example", company: "Engines" }, occurredAt: new Date().toISOString() };
    expect((await send(identify)).status).toBe(202);
    const lead = await db.lead.findUniqueOrThrow({ where: { email: "ada@engines.example" }, include: { events: true } });
    expect(lead.events.map((event) => event.type).sort()).toEqual(["form_submit", "identify", "page_view"]);
    expect((await send(identify)).status).toBe(202);
    expect(await db.event.count({ where: { leadId: lead.id, type: { not: "identify" } } })).toBe(2);

    const missing = await send({ writeKey, anonymousId: id, type: "identify", traits: { firstName: "Ada" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toHaveProperty(["traits.email"]);
  });

  test("an anonymous id belongs to its write key: the same id on another site is another visitor", async () => {
    const id = anonymousId();
    await send(pageView(id, `${SITE}/`));
    await send(pageView(id, "https://docs.example.com/", otherWriteKey), { origin: "https://docs.example.com" });
    expect(await db.visitor.count({ where: { anonymousId: id } })).toBe(2);
  });

  test("an existing lead identified from the website keeps its source", async () => {
    await db.lead.create({ data: { email: "known@lead.example", firstName: "Known", lastName: "Lead", source: "webinar", searchText: "known lead" } });
    await send({ writeKey, anonymousId: anonymousId(), type: "identify", traits: { email: "known@lead.example", title: "CTO" } });
    expect(await db.lead.findUniqueOrThrow({ where: { email: "known@lead.example" } })).toMatchObject({ source: "webinar", title: "CTO" });
  });
});

describe("the snippet", () => {
  test("is JavaScript under 10 KB that reads its write key and sends to the collector", async () => {
    const response = await getSnippet();
    const source = await response.text();
    expect(response.headers.get("content-type")).toContain("application/javascript");
    expect(Buffer.byteLength(source)).toBeLessThan(10 * 1024);
    expect(source).toContain("data-write-key");
    expect(source).toContain("/api/v1/collect");
    expect(() => new Function(source)).not.toThrow();
  });
});
