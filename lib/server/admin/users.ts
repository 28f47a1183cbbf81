import "server-only";
import type { Role } from "@/lib/core/roles";
import type { UserRow } from "@/lib/views/admin";
import { userStore } from "./user-store";
import { AppError } from "../errors";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "../auth/password";
import { reads, transaction } from "../store/database";

export async function listUsers(): Promise<UserRow[]> {
  const users = await userStore.list(reads());
  return users.map((user) => ({
    ...user,
    role: user.role as Role,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  }));
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    if (await userStore.emailTaken(tx, input.email)) {
      throw new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists.`, { email: "This e-mail is already in use." });
    }
    const user = await userStore.insert(tx, { name: input.name, email: input.email, role: input.role, passwordHash });
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
  await transaction(async (tx) => {
    if (!(await userStore.exists(tx, input.userId))) throw new AppError("NOT_FOUND", "This user no longer exists.");
    await userStore.update(tx, input.userId, { role: input.role, active: input.active });
    // Deactivating also ends the sessions, so reactivating later doesn't revive them.
    if (input.active === false) await userStore.endSessions(tx, input.userId);
  });
}

/** Ends every session the user has: tokens carrying the old version are refused from now on. */
export async function endSessions(userId: string): Promise<void> {
  await transaction((tx) => userStore.endSessions(tx, userId));
}

export async function endUserSessions(adminId: string, userId: string): Promise<void> {
  refuseSelf(adminId, userId, "end the sessions of");
  await transaction(async (tx) => {
    if (!(await userStore.exists(tx, userId))) throw new AppError("NOT_FOUND", "This user no longer exists.");
    await userStore.endSessions(tx, userId);
  });
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
  await transaction(async (tx) => {
    const active = await userStore.isActive(tx, userId);
    if (active === undefined) throw new AppError("NOT_FOUND", "This user no longer exists.");
    if (!active) throw new AppError("CONFLICT", "This user is deactivated: reactivate them first, then reset the password.");
    await userStore.replacePassword(tx, userId, { passwordHash, mustChangePassword: true });
  });
  return { temporaryPassword };
}

/**
 * The user chooses a new password (after a reset, or any time): the current one must match and
 * the new one differ. Every session ends, this one too, so a copy of a session signed in with the
 * temporary password is worthless; the page signs the user in again with the new password.
 */
export async function changePassword(userId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const storedHash = await userStore.passwordHash(reads(), userId);
  if (storedHash === undefined) throw new AppError("NOT_FOUND", "This user no longer exists.");
  if (!(await verifyPassword(input.currentPassword, storedHash))) {
    throw new AppError("VALIDATION", "Check the form: the current password is not right.", { currentPassword: "This is not your current password." });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION", "Check the form: choose a password different from the current one.", {
      newPassword: "Choose a password different from the current one.",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await transaction((tx) => userStore.replacePassword(tx, userId, { passwordHash, mustChangePassword: false }));
}
