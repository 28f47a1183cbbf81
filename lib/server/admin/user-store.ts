import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

const listSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true, lastSignInAt: true, mustChangePassword: true } satisfies Prisma.UserSelect;
const sessionSelect = { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, mustChangePassword: true } satisfies Prisma.UserSelect;

/** A user as the admin's list shows them; `role` as stored (lib/core/roles.ts names the valid ones). */
export type UserListRow = Prisma.UserGetPayload<{ select: typeof listSelect }>;
/** What decides whether a session is still valid: a token carrying an older `sessionVersion` is not. */
export type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionSelect }>;
export type NewUser = { name: string; email: string; role: string; passwordHash: string };
export type CreatedUserRow = { id: string; name: string; email: string; active: boolean; createdAt: Date };

/** The app's users, their roles, sessions and passwords (as hashes). */
export interface UserStore {
  /** Active users first, then by name. */
  list(q: Queryable): Promise<UserListRow[]>;
  exists(q: Queryable, id: string): Promise<boolean>;
  emailTaken(q: Queryable, email: string): Promise<boolean>;
  /** Whether the user is active; undefined: no such user. */
  isActive(q: Queryable, id: string): Promise<boolean | undefined>;
  passwordHash(q: Queryable, id: string): Promise<string | undefined>;
  sessionUser(q: Queryable, id: string): Promise<SessionUserRow | undefined>;
  insert(tx: Tx, user: NewUser): Promise<CreatedUserRow>;
  /** Sets what is given, leaving the rest as it is. */
  update(tx: Tx, id: string, change: { role?: string; active?: boolean }): Promise<void>;
  /** Ends every session the user has (none: no such user, nothing written). */
  endSessions(tx: Tx, id: string): Promise<void>;
  /** Replaces the password's hash and ends every session the user has. */
  replacePassword(tx: Tx, id: string, change: { passwordHash: string; mustChangePassword: boolean }): Promise<void>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const userStore: UserStore = {
  list: (q) => q.orm.user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: listSelect }),
  exists: async (q, id) => (await q.orm.user.findUnique({ where: { id }, select: { id: true } })) !== null,
  emailTaken: async (q, email) => (await q.orm.user.findUnique({ where: { email }, select: { id: true } })) !== null,
  isActive: async (q, id) => (await q.orm.user.findUnique({ where: { id }, select: { active: true } }))?.active,
  passwordHash: async (q, id) => (await q.orm.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash,
  sessionUser: async (q, id) => (await q.orm.user.findUnique({ where: { id }, select: sessionSelect })) ?? undefined,
  insert: (tx, user) => tx.orm.user.create({ data: user, select: { id: true, name: true, email: true, active: true, createdAt: true } }),
  async update(tx, id, change) {
    await tx.orm.user.update({ where: { id }, data: change, select: { id: true } });
  },
  async endSessions(tx, id) {
    await tx.orm.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
  },
  async replacePassword(tx, id, change) {
    await tx.orm.user.update({ where: { id }, data: { ...change, sessionVersion: { increment: 1 } }, select: { id: true } });
  },
};
