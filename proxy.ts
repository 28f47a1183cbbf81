import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { allowedBeforePasswordChange, CHANGE_PASSWORD_FIRST, CHANGE_PASSWORD_PATH } from "@/lib/core/password-change";
import { cameOverHttps, isCrossOriginAction, securityHeaders } from "@/lib/core/security-headers";
import { signInAgainPath } from "@/lib/core/signed-out";
import { authSecret, isDevelopment } from "@/lib/env";

// Paths that answer without a session: the API checks its own keys or sessions, sign-in must be
// reachable signed out, and Next's assets, the icons and the web manifest are public (browsers
// fetch a manifest without cookies). So are the tracking snippet, which other sites load, and
// the demo site, which stands for such a site and its anonymous visitors.
const PUBLIC_PATH = /^\/(?:api\/|signin|_next\/|favicon\.ico|t\.js$|demo-site(?:\/|$))|\.(?:svg|png|ico|webmanifest)$/;

/**
 * Runs before every page and API answer: puts the security headers on it (with a fresh CSP
 * nonce, also handed to Next on the request so its inline scripts carry it), refuses server
 * actions from a foreign origin with a 403, and sends visitors without a session to sign-in
 * (a page's server action without one gets a 401 that sends the page there), and someone signed
 * in with a temporary password to the change-password page (their actions get a 403).
 * Every page and action still checks the session (and the user's current role) on its own.
 */
export async function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: Buffer.from(crypto.randomUUID()).toString("base64"),
    https: cameOverHttps(request.url, request.headers),
    development: isDevelopment(),
  });
  return withHeaders(await answer(request, headers["Content-Security-Policy"]), headers);
}

async function answer(request: NextRequest, policy: string): Promise<NextResponse> {
  if (isCrossOriginAction(request.method, request.headers)) {
    // Next.js would refuse it too, but as a 500; a forged request is the caller's fault.
    return NextResponse.json({ error: { code: "forbidden", message: "Origin: server actions only run from this site's own pages." } }, { status: 403 });
  }
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") && !decodes(pathname)) {
    // Next's router can't decode such a path's parameters and would answer a plain-text 500.
    return NextResponse.json({ error: { code: "bad_request", message: "The path has a malformed percent-encoding (e.g. %E0%A4%A); encode each path segment as UTF-8." } }, { status: 400 });
  }
  const token = PUBLIC_PATH.test(pathname) ? null : await getToken({ req: request, secret: authSecret() });
  if (!PUBLIC_PATH.test(pathname) && !token) {
    if (isAction(request)) return signedOutAction(pathname + search, request.nextUrl.origin);
    const signIn = new URL("/signin", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  // The token says so from the sign-in with the temporary password until the change ends it;
  // pages and actions check the database as well (requireUser, authorizedAction).
  if (token?.mustChangePassword && !allowedBeforePasswordChange(pathname)) {
    if (isAction(request)) {
      return NextResponse.json(
        { error: { code: "forbidden", message: CHANGE_PASSWORD_FIRST } },
        { status: 403, headers: { "x-action-redirect": `${CHANGE_PASSWORD_PATH};replace` } },
      );
    }
    return NextResponse.redirect(new URL(CHANGE_PASSWORD_PATH, request.url));
  }
  // Next reads the nonce for its inline scripts from the policy on the request, as its CSP guide
  // documents. (Next 16.4 also copies the proxy's response headers onto the request, which would
  // win over this one: they carry the same policy.)
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers: forwarded } });
}

/**
 * A server action posted after the session ended (signed out in another tab, expired). A redirect
 * would make the action's fetch post to the sign-in page and leave the page with no usable answer;
 * `x-action-redirect` is how Next tells its client an action redirected (as `redirect()` in an
 * action does), so the page goes straight to sign-in and comes back to itself afterwards.
 */
function signedOutAction(page: string, origin: string): NextResponse {
  return NextResponse.json(
    { error: { code: "unauthorized", message: "You were signed out. Sign in again to continue." } },
    { status: 401, headers: { "x-action-redirect": `${signInAgainPath(page, origin)};replace` } },
  );
}

function isAction(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
