import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { isRole } from "@/lib/core/roles";
import { sameOriginPath } from "@/lib/core/safe-redirect";
import { authSecret } from "@/lib/env";
import { attemptSignIn, clientAddress } from "./sign-in";
import { endSessions } from "../admin/users";

const credentialsSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  password: z.string().min(1),
});

let cached: NextAuthOptions | undefined;

/** Built on first use, so a production build needs no secret but a production server does. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(authSecret());
  return cached;
}

function buildAuthOptions(secret: string): NextAuthOptions {
  return {
  secret,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request?.headers?.["x-forwarded-for"] as string | undefined);
        const outcome = await attemptSignIn({ email: parsed.data.email, address }, parsed.data.password, new Date());
        return outcome.status === "signed-in" ? outcome.user : null;
      },
    }),
  ],
  callbacks: {
    // next-auth hands over the callback address as given or made absolute on our origin;
    // anything that would leave the origin goes to the home page instead.
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      const relative = url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
      const path = sameOriginPath(relative, origin);
      return path ? new URL(path, origin).href : baseUrl;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        // Never cleared in this token: changing the password ends it and the user signs in afresh.
        token.mustChangePassword = user.mustChangePassword;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub && isRole(token.role)) {
        session.user.id = token.sub;
        session.user.role = token.role;
        // A token issued before versions existed matches no user's version: it must sign in again.
        session.user.sessionVersion = token.sessionVersion ?? -1;
      }
      return session;
    },
  },
  events: {
    // The JWT itself stays valid until it expires, so signing out has to end it on our side:
    // a copy of the cookie replayed later no longer matches the user's session version.
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub);
    },
  },
  };
}
