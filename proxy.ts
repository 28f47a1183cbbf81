import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { authSecret } from "@/lib/env";

// A first gate for pages: visitors without a session go to sign-in. Every page and
// action still checks the session (and the user's current role) on its own.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const destination = request.nextUrl.pathname + request.nextUrl.search;
  if (destination !== "/") signIn.searchParams.set("callbackUrl", destination);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|signin|_next/|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
