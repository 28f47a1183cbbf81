import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/core/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    role: Role;
    sessionVersion: number;
    mustChangePassword: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
    /** Signed in with a temporary password: the proxy lets only the change-password page through. */
    mustChangePassword?: boolean;
  }
}
