import NextAuth from "next-auth";
import { TOO_MANY_ATTEMPTS } from "@/lib/core/sign-in-throttle";
import { authOptions } from "@/lib/server/auth/auth";
import { clientAddress, signInRetryAfter } from "@/lib/server/auth/sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers every refused sign-in the same way; a throttled one is refused here first
// so the client gets 429 with Retry-After. authorize() checks the throttle again on its own.
async function throttled(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  // A body that isn't a form is next-auth's to refuse.
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").toLowerCase();
  const wait = await signInRetryAfter({ email, address: clientAddress(request.headers.get("x-forwarded-for")) }, new Date());
  if (wait === 0) return null;
  // next-auth's signIn() reads the error from this url; the wait travels with it.
  const url = new URL(`/signin?error=${TOO_MANY_ATTEMPTS}:${wait}`, request.url).href;
  return Response.json({ url }, { status: 429, headers: { "Retry-After": String(wait) } });
}

async function handler(request: Request, context: Context) {
  return (await throttled(request)) ?? NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
