import "server-only";
import { rolesWith } from "@/lib/core/permissions";
import type { ReasonList } from "@/lib/core/reasons";
import type { Role } from "@/lib/core/roles";
import { db } from "./db";
import type { Tx } from "./db";
import { reasonTable } from "./reason-lists";

export type ReasonOption = { code: string; label: string };
export type UserOption = { id: string; name: string; role: Role };

/** The reasons a list offers now, in the order people pick from ("Other" is offered besides). */
export async function activeReasons(list: ReasonList, client: Tx = db): Promise<ReasonOption[]> {
  return reasonTable(client, list).findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { code: true, label: true },
  });
}

export async function activeDisqualificationReasons(client: Tx = db): Promise<ReasonOption[]> {
  return activeReasons("disqualification", client);
}

export async function activeSalesRepIds(client: Tx = db): Promise<string[]> {
  const reps = await client.user.findMany({ where: { role: { in: rolesWith("leads.receive") }, active: true }, select: { id: true } });
  return reps.map((rep) => rep.id);
}

/** People who can own leads, for the owner filter and the manager's assign picker. */
export async function leadOwnerOptions(): Promise<UserOption[]> {
  const users = await db.user.findMany({
    where: { active: true, role: { in: rolesWith("leads.own") } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
  return users.map((user) => ({ ...user, role: user.role as Role }));
}
