import { describe, expect, test } from "vitest";
import * as unknownPath from "@/app/api/v1/[[...path]]/route";
import * as events from "@/app/api/v1/events/route";
import * as lead from "@/app/api/v1/leads/[id]/route";
import * as leads from "@/app/api/v1/leads/route";
import { call } from "../support/api";

describe("a method an endpoint doesn't support", () => {
  test.each([
    ["DELETE", leads, "/leads", "GET, HEAD, POST, OPTIONS"],
    ["PUT", lead, "/leads/some-id", "GET, HEAD, OPTIONS"],
    ["GET", events, "/events", "POST, OPTIONS"],
  ] as const)("%s %s answers 405 in JSON, with Allow", async (method, route, path, allow) => {
    const handler = (route as unknown as Record<string, Parameters<typeof call>[0]>)[method];
    const response = await call(handler, { path, method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.body).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("accepts only") } });
  });

  test("OPTIONS lists only the methods the endpoint supports", async () => {
    const response = await call(leads.OPTIONS, { path: "/leads", method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });
});

describe("a path under /api/v1 that no endpoint serves", () => {
  test.each(["GET", "POST", "DELETE"] as const)("%s answers a JSON 404", async (method) => {
    const response = await call(unknownPath[method], { path: "/no-such-thing/here", method, params: { path: "no-such-thing/here" } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.stringContaining("/api/v1/no-such-thing/here") } });
  });
});
