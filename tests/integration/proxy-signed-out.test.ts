import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { authSecret } from "@/lib/env";
import { proxy } from "@/proxy";

const ORIGIN = "http://localhost:3100";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${ORIGIN}${path}`, init);
}

function actionPost(path: string, headers: Record<string, string> = {}) {
  return request(path, { method: "POST", headers: { "next-action": "7f00aa", ...headers } });
}

async function sessionCookie(): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: "someone" }, secret: authSecret() })}`;
}

describe("the proxy, for a page whose session has ended", () => {
  test("answers its server action with a 401 that sends the page to sign-in and back to itself", async () => {
    const response = await proxy(actionPost("/leads/abc?tab=notes"));
    expect(response.status).toBe(401);
    expect(response.headers.get("x-action-redirect")).toBe("/signin?callbackUrl=%2Fleads%2Fabc%3Ftab%3Dnotes&reason=signed-out;replace");
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "You were signed out. Sign in again to continue." } });
  });

  test("still redirects a page visit to sign-in, without claiming a session ended", async () => {
    const response = await proxy(request("/board?owner=me"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fboard%3Fowner%3Dme`);
  });

  test("passes a server action with a session on to the page", async () => {
    const response = await proxy(actionPost("/board", { cookie: await sessionCookie() }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-action-redirect")).toBeNull();
  });
});
