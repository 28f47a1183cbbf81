import "server-only";
import { rolesWith } from "@/lib/core/permissions";
import type { ReasonList } from "@/lib/core/reasons";
import type { Role } from "@/lib/core/roles";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { settingsStore } from "./settings-store";
import { reads } from "../store/database";
import type { Queryable } from "../store/transaction";

/** The reasons a list offers now, in the order people pick from ("Other" is offered besides). */
export async function activeReasons(list: ReasonList, q: Queryable = reads()): Promise<ReasonOption[]> {
  return settingsStore.activeReasons(q, list);
}

export async function activeDisqualificationReasons(q: Queryable = reads()): Promise<ReasonOption[]> {
  return activeReasons("disqualification", q);
}

export async function activeSalesRepIds(q: Queryable = reads()): Promise<string[]> {
  return settingsStore.activeUserIds(q, rolesWith("leads.receive"));
}

/** People who can own leads, for the owner filter and the manager's assign picker. */
export async function leadOwnerOptions(): Promise<UserOption[]> {
  const users = await settingsStore.activeUsers(reads(), rolesWith("leads.own"));
  return users.map((user) => ({ ...user, role: user.role as Role }));
}
