/*
 * The headers every page and API answer carries (set in proxy.ts), and the check that turns a
 * server action from a foreign origin into a 403 before Next.js turns it into a 500.
 */

export type SecurityContext = { nonce: string; https: boolean; development: boolean };

/**
 * Scripts run only from this origin and with this request's nonce (Next.js puts it on its own
 * inline scripts when it finds the policy on the request); 'strict-dynamic' lets those load the
 * page's chunks. Styles allow 'unsafe-inline': React style attributes and recharts' SVG styles
 * can't carry a nonce, and a nonce in style-src would make browsers ignore 'unsafe-inline'.
 * Development adds 'unsafe-eval', which React uses there for its error stacks.
 */
export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    // Over plain HTTP the header is ignored anyway, and sending it from localhost would pin
    // HTTPS on a host name that serves none.
    ...(context.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Whether the request reached the app over HTTPS, directly or through a proxy that says so. */
export function cameOverHttps(url: string, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return forwarded ? forwarded === "https" : new URL(url).protocol === "https:";
}

/**
 * A server action (a POST with a Next-Action header) whose Origin names another host than the
 * one it was sent to — the same comparison Next.js makes (x-forwarded-host first, else Host),
 * which then fails the request with a 500. No Origin passes, as it does in Next.js: browsers
 * always send one on a POST, so its absence means a hand-made request without a victim's cookies.
 */
export function isCrossOriginAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  return originHost(origin) !== host;
}

function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
