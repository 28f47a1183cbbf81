import "server-only";
import type { Role } from "@/lib/core/roles";
import { db } from "./db";
import { AppError } from "./errors";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "./password";

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

export async function listUsers(): Promise<UserRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, lastSignInAt: true, mustChangePassword: true },
  });
  return users.map((user) => ({
    ...user,
    role: user.role as Role,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  }));
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists.`, { email: "This e-mail is already in use." });
    }
    const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash } });
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: input.role,
      active: user.active,
      createdAt: user.createdAt.toISOString(),
      lastSignInAt: null,
      mustChangePassword: false,
    };
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

/**
 * An admin's password reset: a generated temporary password replaces the old one, every session
 * of the user ends, and at their next sign-in they must choose their own before anything else.
 * The temporary password is returned once, for the admin to hand over; only its hash is kept.
 */
export async function resetPassword(adminId: string, userId: string): Promise<{ temporaryPassword: string }> {
  refuseSelf(adminId, userId, "reset the password of");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user no longer exists.");
    if (!user.active) throw new AppError("CONFLICT", "This user is deactivated: reactivate them first, then reset the password.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
  });
  return { temporaryPassword };
}

/**
 * The user chooses a new password (after a reset, or any time): the current one must match and
 * the new one differ. Every session ends, this one too, so a copy of a session signed in with the
 * temporary password is worthless; the page signs the user in again with the new password.
 */
export async function changePassword(userId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "This user no longer exists.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "Check the form: the current password is not right.", { currentPassword: "This is not your current password." });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION", "Check the form: choose a password different from the current one.", {
      newPassword: "Choose a password different from the current one.",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
}
