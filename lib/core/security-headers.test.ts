import { describe, expect, test } from "vitest";
import { cameOverHttps, contentSecurityPolicy, isCrossOriginAction, securityHeaders } from "./security-headers";

const context = { nonce: "abc123", https: false, development: false };

describe("securityHeaders", () => {
  test("a nonce-based policy that forbids framing, plugins, foreign forms and base URLs", () => {
    const directives = contentSecurityPolicy(context).split("; ");
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(directives).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ ...context, development: true })).toContain("'nonce-abc123' 'strict-dynamic' 'unsafe-eval'");
  });

  test("HSTS and upgrading requests only over HTTPS", () => {
    expect(securityHeaders(context)).toEqual({
      "Content-Security-Policy": contentSecurityPolicy(context),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
    const secure = securityHeaders({ ...context, https: true });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  test("HTTPS is the forwarded protocol when a proxy names one, else the URL's", () => {
    expect(cameOverHttps("http://app.example/board", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(cameOverHttps("https://app.example/board", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(cameOverHttps("https://app.example/board", new Headers())).toBe(true);
    expect(cameOverHttps("http://localhost:3000/board", new Headers())).toBe(false);
  });
});

describe("isCrossOriginAction", () => {
  const action = (headers: Record<string, string>, method = "POST") => isCrossOriginAction(method, new Headers({ "next-action": "x", host: "app.example", ...headers }));

  test("refuses an action whose Origin names another host, an opaque origin, or a malformed one", () => {
    expect(action({ origin: "https://evil.example" })).toBe(true);
    expect(action({ origin: "https://app.example.evil.example" })).toBe(true);
    expect(action({ origin: "null" })).toBe(true);
    expect(action({ origin: "not a url" })).toBe(true);
    expect(action({ origin: "https://app.example", "x-forwarded-host": "public.example" })).toBe(true);
  });

  test("lets through same-origin actions, forwarded ones, and requests that aren't actions", () => {
    expect(action({ origin: "https://app.example" })).toBe(false);
    expect(action({ origin: "https://public.example", "x-forwarded-host": "public.example, inner.example" })).toBe(false);
    expect(action({})).toBe(false);
    expect(action({ origin: "https://evil.example" }, "GET")).toBe(false);
    expect(isCrossOriginAction("POST", new Headers({ host: "app.example", origin: "https://evil.example" }))).toBe(false);
  });
});
