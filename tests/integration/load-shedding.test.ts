import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { db } from "@/lib/server/store/db";
import { BASE, call, createKey } from "../support/api";

let key: string;

beforeAll(async () => {
  key = (await createKey()).key;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A request whose body arrives only when `send` is called: it stays in flight until then. */
function slowRequest(event: unknown) {
  let send!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      send = () => {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(event)));
        controller.close();
      };
    },
  });
  const request = new Request(`${BASE}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { response: postEvents(request, { params: Promise.resolve({}) }), send };
}

describe("load shedding", () => {
  test("beyond the work in flight, a request is refused at once with 503 and Retry-After; the accepted ones are all stored", async () => {
    vi.stubEnv("LEADGATE_API_MAX_IN_FLIGHT", "3");
    const accepted = [0, 1, 2].map((index) => slowRequest({ email: `busy${index}@prospect.example`, type: "page_view" }));

    const refused = await call(postEvents, { path: "/events", key, body: { email: "refused@prospect.example", type: "page_view" } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body.error).toMatchObject({ code: "overloaded", message: expect.stringMatching(/busy; nothing was stored/) });

    for (const request of accepted) request.send();
    expect((await Promise.all(accepted.map((request) => request.response))).map((response) => response.status)).toEqual([201, 201, 201]);
    expect(await db.lead.count({ where: { email: { startsWith: "busy" } } })).toBe(3);
    expect(await db.lead.count({ where: { email: "refused@prospect.example" } })).toBe(0);

    const afterwards = await call(postEvents, { path: "/events", key, body: { email: "later@prospect.example", type: "page_view" } });
    expect(afterwards.status).toBe(201);
  });

  test("a request that fails still frees its place", async () => {
    vi.stubEnv("LEADGATE_API_MAX_IN_FLIGHT", "1");
    expect((await call(postEvents, { path: "/events", key: "not-a-key", body: {} })).status).toBe(401);
    expect((await call(postEvents, { path: "/events", key, body: { type: "page_view" } })).status).toBe(400);
    expect((await call(postEvents, { path: "/events", key, body: { email: "free@prospect.example", type: "page_view" } })).status).toBe(201);
  });
});
