import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { reads, transaction } from "@/lib/server/store/database";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

const claimedSelect = { id: true, subject: true, text: true, attempts: true, createdAt: true, user: { select: { email: true, name: true } } } satisfies Prisma.EmailMessageSelect;

/** An e-mail an instance has taken to send, with its recipient. */
export type ClaimedEmail = Prisma.EmailMessageGetPayload<{ select: typeof claimedSelect }>;
const digestLeadSelect = { id: true, firstName: true, lastName: true, company: true, stageEnteredAt: true, owner: { select: { name: true } } } satisfies Prisma.LeadSelect;
export type DigestLeadRow = Prisma.LeadGetPayload<{ select: typeof digestLeadSelect }>;
export type NewEmail = { userId: string; kind: string; dedupeKey?: string; subject: string; text: string; createdAt: Date };
export type EmailOutcome = { status: "sent" | "pending" | "failed"; attempts: number; nextAttemptAt: Date | null; sentAt: Date | null; lastError: string | null };

function free(now: Date): Prisma.EmailMessageWhereInput {
  return { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
}

/**
 * E-mails to users and their choices of what to get. Written with the ORM: a handful a minute, the
 * same on both engines. The methods that take a Tx work inside the caller's transaction (a notice's
 * e-mail is queued with the notice); the others read or write on their own.
 */
export interface EmailStore {
  /** Each active user's e-mail choices, of those among `userIds`. */
  choices(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>>;
  /** The user's choices as stored ("" for none). */
  choicesOf(userId: string): Promise<string>;
  setChoices(userId: string, choices: string): Promise<void>;
  /** Active users in `roles` who chose `choice`. */
  choosers(roles: readonly string[], choice: string): Promise<Array<{ id: string }>>;
  /** MQLs that entered MQL before `cutoff` (past the SLA) and after it (waiting), oldest first: the first `take` of each and how many in all. */
  digestLeads(cutoff: Date, take: number): Promise<{ overdue: DigestLeadRow[]; overdueTotal: number; waiting: DigestLeadRow[]; waitingTotal: number }>;
  /** Of the keys, those already queued. */
  queuedKeys(keys: readonly string[]): Promise<Set<string>>;
  insert(tx: Tx, emails: readonly NewEmail[]): Promise<void>;
  /** insert in a transaction of its own. */
  queue(emails: readonly NewEmail[]): Promise<void>;
  /** Takes up to `limit` e-mails due at `now` that no instance holds, and holds them until `until`. */
  claimDue(now: Date, until: Date, limit: number): Promise<ClaimedEmail[]>;
  settle(id: string, outcome: EmailOutcome): Promise<void>;
}

export const emailStore: EmailStore = {
  async choices(q, userIds) {
    if (userIds.length === 0) return new Map();
    const users = await q.orm.user.findMany({ where: { id: { in: [...userIds] }, active: true, emailNotices: { not: "" } }, select: { id: true, emailNotices: true } });
    return new Map(users.map((user) => [user.id, user.emailNotices]));
  },
  async choicesOf(userId) {
    return (await reads().orm.user.findUnique({ where: { id: userId }, select: { emailNotices: true } }))?.emailNotices ?? "";
  },
  async setChoices(userId, choices) {
    await transaction((tx) => tx.orm.user.update({ where: { id: userId }, data: { emailNotices: choices } }));
  },
  async choosers(roles, choice) {
    const users = await reads().orm.user.findMany({ where: { active: true, role: { in: [...roles] }, emailNotices: { contains: choice } }, select: { id: true, emailNotices: true } });
    return users.filter((user) => user.emailNotices.split(",").includes(choice)).map(({ id }) => ({ id }));
  },
  async digestLeads(cutoff, take) {
    const q = reads();
    const overdueWhere = { stage: "MQL", stageEnteredAt: { lt: cutoff } };
    const waitingWhere = { stage: "MQL", stageEnteredAt: { gte: cutoff } };
    const byAge = { stageEnteredAt: "asc" } as const;
    return {
      overdue: await q.orm.lead.findMany({ where: overdueWhere, orderBy: byAge, take, select: digestLeadSelect }),
      overdueTotal: await q.orm.lead.count({ where: overdueWhere }),
      waiting: await q.orm.lead.findMany({ where: waitingWhere, orderBy: byAge, take, select: digestLeadSelect }),
      waitingTotal: await q.orm.lead.count({ where: waitingWhere }),
    };
  },
  async queuedKeys(keys) {
    if (keys.length === 0) return new Set();
    const rows = await reads().orm.emailMessage.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { dedupeKey: true } });
    return new Set(rows.map((row) => row.dedupeKey!));
  },
  async insert(tx, emails) {
    if (emails.length > 0) await tx.orm.emailMessage.createMany({ data: emails.map((email) => ({ ...email, status: "pending", nextAttemptAt: email.createdAt })) });
  },
  queue: (emails) => transaction((tx) => emailStore.insert(tx, emails)),
  claimDue: (now, until, limit) => transaction((tx) => claimDueIn(tx, now, until, limit)),
  async settle(id, outcome) {
    await transaction((tx) => tx.orm.emailMessage.updateMany({ where: { id }, data: { ...outcome, lockedUntil: null } }));
  },
};

async function claimDueIn(tx: Tx, now: Date, until: Date, limit: number): Promise<ClaimedEmail[]> {
  const due = await tx.orm.emailMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, ...free(now) },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: claimedSelect,
  });
  const claimed: ClaimedEmail[] = [];
  for (const email of due) {
    // On PostgreSQL a concurrent claim of the same row waits for ours, then finds it held.
    const { count } = await tx.orm.emailMessage.updateMany({ where: { id: email.id, status: "pending", ...free(now) }, data: { lockedUntil: until } });
    if (count === 1) claimed.push(email);
  }
  return claimed;
}
