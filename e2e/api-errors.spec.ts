import { expect, test } from "@playwright/test";
import { DEMO_API_KEY } from "./support";

// Over real HTTP against the production server: these answers come from Next's router as much
// as from the route handlers.
const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

test("a malformed percent-encoding in a lead id answers a JSON 400", async ({ request }) => {
  const response = await request.get("/api/v1/leads/%E0%A4%A", { headers: auth });
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining("percent-encoding") } });
});

test("an unknown path under /api/v1 answers a JSON 404", async ({ request }) => {
  for (const path of ["/api/v1/no-such-endpoint", "/api/v1/leads/some-id/extra", "/api/v1"]) {
    const response = await request.get(path, { headers: auth });
    expect(response.status(), path).toBe(404);
    expect(await response.json(), path).toEqual({ error: { code: "not_found", message: expect.stringContaining(path) } });
  }
});

test("an unsupported method answers a JSON 405 with Allow; real endpoints still answer", async ({ request }) => {
  const refused = await request.delete("/api/v1/leads", { headers: auth });
  expect(refused.status()).toBe(405);
  expect(refused.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  expect((await refused.json()).error.code).toBe("method_not_allowed");
  expect((await request.get("/api/v1/leads", { headers: auth })).status()).toBe(200);
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  const missing = await request.get("/api/v1/leads/no-such-lead", { headers: auth });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toContain("no-such-lead");
});
