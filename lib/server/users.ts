import "server-only";
import type { Role } from "@/lib/core/roles";
import { db } from "./db";
import { AppError } from "./errors";
import { hashPassword } from "./password";

export type UserRow = { id: string; name: string; email: string; role: Role; active: boolean; createdAt: string };

export async function listUsers(): Promise<UserRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, createdAt: true },
  });
  return users.map((user) => ({ ...user, role: user.role as Role, createdAt: user.createdAt.toISOString() }));
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists.`, { email: "This e-mail is already in use." });
    }
    const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash } });
    return { id: user.id, name: user.name, email: user.email, role: input.role, active: user.active, createdAt: user.createdAt.toISOString() };
  });
}

function refuseSelf(adminId: string, userId: string, what: string) {
  if (adminId === userId) {
    throw new AppError("FORBIDDEN", `You can't ${what} your own account; ask another admin, so the team is never locked out.`);
  }
}

export async function updateUser(adminId: string, input: { userId: string; role?: Role; active?: boolean }): Promise<void> {
  if (input.role !== undefined) refuseSelf(adminId, input.userId, "change the role of");
  if (input.active === false) refuseSelf(adminId, input.userId, "deactivate");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user no longer exists.");
    // Deactivating also ends the sessions, so reactivating later doesn't revive them.
    const ending = input.active === false ? { sessionVersion: { increment: 1 } } : {};
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, active: input.active, ...ending } });
  });
}

/** Ends every session the user has: tokens carrying the old version are refused from now on. */
export async function endSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function endUserSessions(adminId: string, userId: string): Promise<void> {
  refuseSelf(adminId, userId, "end the sessions of");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "This user no longer exists.");
  await endSessions(userId);
}
