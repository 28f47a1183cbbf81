/*
 * What the admin pages show (users, API keys): plain types shared by the services that build them
 * and the components that render them.
 */

import type { ApiScope } from "@/lib/core/api-scopes";
import type { Role } from "@/lib/core/roles";

// Built by lib/server/admin/api-keys.ts.
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdByName: string | null;
  scopes: ApiScope[];
};

export type CreatedApiKey = { id: string; name: string; prefix: string; createdAt: string; key: string; scopes: ApiScope[] };

// Built by lib/server/admin/users.ts.
export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** ISO time of the last successful sign-in; null: never signed in. */
  lastSignInAt: string | null;
  /** An admin reset the password and the user hasn't chosen a new one yet. */
  mustChangePassword: boolean;
};
