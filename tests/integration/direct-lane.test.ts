import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { OPTIONS as collectPreflight, POST as collectMessage } from "@/app/api/v1/collect/route";
import { POST as ingestEvent } from "@/app/api/v1/events/route";
import { directLane } from "@/lib/server/http/direct-lane";
import { db } from "@/lib/server/store/db";
import { createWriteKey } from "@/lib/server/tracking/write-keys";
import { createKey } from "../support/api";
import { createUser } from "../support/factories";

// The lane server.mjs serves the collector through, behind a real node:http server as there;
// whatever the lane leaves goes to a stand-in for Next.js that answers 418.

const SITE = "https://www.example.com";
let server: http.Server;
let base: string;
let writeKey: string;

beforeAll(async () => {
  const admin = await createUser("ADMIN");
  writeKey = (await createWriteKey({ name: "Lane site", origins: [SITE], createdById: admin.id })).key;
  const lane = directLane({
    "/api/v1/collect": { POST: collectMessage, OPTIONS: collectPreflight },
    "/api/v1/events": { POST: ingestEvent },
    "/echo": { POST: async (request) => Response.json({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() }) },
    "/broken": { POST: async () => Promise.reject(new Error("a handler that fails")) },
  });
  server = http.createServer((request, response) => {
    if (lane(request, response)) return;
    response.writeHead(418, { "content-type": "text/plain" }).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pageView = (anonymousId: string) => JSON.stringify({ writeKey, anonymousId, type: "page_view", url: `${SITE}/pricing`, referrer: "https://search.example/" });
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8", origin: SITE, ...headers }, body, duplex: "half" } as RequestInit);

/** A body sent in pieces, without a length, as a client streaming it would. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const piece = new TextEncoder().encode("x".repeat(Math.min(16_384, bytes - sent)));
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
}

describe("the direct lane", () => {
  test("a page view is stored and answered as the route answers it, with the headers every answer carries", async () => {
    const anonymousId = `lane-visitor-${Date.now()}`;
    const response = await post("/api/v1/collect?from=snippet", pageView(anonymousId));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true });
    expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const visitor = await db.visitor.findFirstOrThrow({ where: { anonymousId }, include: { events: true } });
    expect(visitor.events).toHaveLength(1);
    expect(visitor.events[0].type).toBe("page_view");
    expect(visitor.events[0].properties).toContain(`${SITE}/pricing`);
  });

  test("the preflight goes the same way: allowed for a listed origin, refused in the error shape otherwise", async () => {
    const ask = (origin: string) => fetch(`${base}/api/v1/collect`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    const allowed = await ask(SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-methods")).toBe("POST");
    const refused = await ask("https://evil.example");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
  });

  test("an event sent with an API key is stored and scored as the route does it; a bad key is refused in the error shape", async () => {
    const { key } = await createKey();
    const event = JSON.stringify({ email: "lane.event@prospect.example", type: "page_view", properties: { url: "/pricing" } });
    const created = await post("/api/v1/events", event, { "content-type": "application/json", authorization: `Bearer ${key}` });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.event).toMatchObject({ status: "created" });
    const lead = await db.lead.findUniqueOrThrow({ where: { email: "lane.event@prospect.example" }, include: { events: true } });
    expect(lead.events).toHaveLength(1);

    const refused = await post("/api/v1/events", event, { "content-type": "application/json", authorization: "Bearer lg_not_a_key" });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
  });

  test("other paths and methods are left to Next.js", async () => {
    expect((await fetch(`${base}/api/v1/collect`)).status).toBe(418);
    expect((await post("/api/v1/collect/", pageView("lane-trailing"))).status).toBe(418);
    expect((await post("/api/v1/collectors", pageView("lane-other"))).status).toBe(418);
    expect(await db.visitor.count({ where: { anonymousId: { in: ["lane-trailing", "lane-other"] } } })).toBe(0);
  });

  test("the x-forwarded-* headers are filled in as Next.js fills them, and a proxy's are kept", async () => {
    const direct = await (await post("/echo", "hello")).json();
    expect(direct.body).toBe("hello");
    expect(direct.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(direct.headers["x-forwarded-proto"]).toBe("http");
    expect(direct.headers["x-forwarded-host"]).toBe(new URL(base).host);
    expect(direct.url).toBe(`${base}/echo`);

    const proxied = await (await post("/echo", "hello", { "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https", "x-forwarded-host": "leads.example.com" })).json();
    expect(proxied.headers["x-forwarded-for"]).toBe("198.51.100.4");
    expect(proxied.url).toBe(`https://${new URL(base).host}/echo`);
    expect(proxied.headers["x-forwarded-host"]).toBe("leads.example.com");
  });

  test("a Host header that makes no URL gets a 400 in the error shape", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${base}/echo`, { method: "POST", headers: { host: "evil.example/path?" } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      });
      request.on("error", reject);
      request.end("hello");
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("bad_request");
  });

  test("bodies over the route's limit get its 413, with or without a declared length, beyond the largest body any route takes too", async () => {
    for (const body of [`{"padding":"${"x".repeat(40_000)}"}`, chunked(40_000), chunked(1_200_000)]) {
      const response = await post("/api/v1/collect", body);
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe("payload_too_large");
    }
  });

  test("a handler that fails gets a 500 in the error shape, not a dropped connection, and the failure is logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await post("/broken", "{}");
      expect(response.status).toBe(500);
      expect((await response.json()).error.code).toBe("internal");
      expect(logged).toHaveBeenCalledWith("POST /broken failed in the direct lane", expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  });
});
