import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

/** A lead's attributes, stage and scores: what both the lead page and the API show of it. */
const leadProfileSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  title: true,
  seniority: true,
  phone: true,
  company: true,
  companySize: true,
  annualRevenue: true,
  industry: true,
  country: true,
  website: true,
  source: true,
  customFields: true,
  stage: true,
  stageEnteredAt: true,
  fitScore: true,
  engagementScore: true,
  totalScore: true,
  scoredAt: true,
  ruleSetVersion: true,
  probability: true,
  modelVersion: true,
  createdAt: true,
} satisfies Prisma.LeadSelect;

/** A lead as the API answers with it, one at a time here and a page at a time in the API's list (lead-list-store.ts). */
export const apiLeadSelect = { ...leadProfileSelect, ownerId: true, updatedAt: true } satisfies Prisma.LeadSelect;

const activitySelect = { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } } satisfies Prisma.NoteSelect;

const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.NoteOrderByWithRelationInput[];

const leadPageSelect = {
  ...leadProfileSelect,
  version: true,
  owner: { select: { id: true, name: true } },
  scoreFlags: true,
  transitions: {
    orderBy: newestFirst,
    select: {
      id: true,
      fromStage: true,
      toStage: true,
      move: true,
      actorId: true,
      actor: { select: { name: true } },
      reason: true,
      reasonCode: true,
      checklist: true,
      dealValueCents: true,
      closedAt: true,
      createdAt: true,
    },
  },
  assignments: {
    orderBy: newestFirst,
    select: { id: true, rule: true, createdAt: true, actor: { select: { name: true } }, fromOwner: { select: { id: true, name: true } }, toOwner: { select: { id: true, name: true } } },
  },
  notes: { orderBy: newestFirst, select: activitySelect },
  _count: { select: { events: true } },
} satisfies Prisma.LeadSelect;

const apiLeadWithHistorySelect = {
  ...apiLeadSelect,
  scoreFlags: true,
  transitions: { orderBy: { createdAt: "asc" }, select: { fromStage: true, toStage: true, move: true, reason: true, reasonCode: true, createdAt: true, actor: { select: { id: true, name: true } } } },
} satisfies Prisma.LeadSelect;

const timelineEventSelect = { id: true, type: true, occurredAt: true, source: true, properties: true } satisfies Prisma.EventSelect;

/** A note, or a call, e-mail or meeting someone logged; `kind` as stored (lib/core/activities.ts names the valid ones). */
export type ActivityRow = Prisma.NoteGetPayload<{ select: typeof activitySelect }>;
/** The lead page's lead: `stage` as stored; transitions, assignments and activities newest first. */
export type LeadPageRow = Prisma.LeadGetPayload<{ select: typeof leadPageSelect }>;
export type ApiLeadRow = Prisma.LeadGetPayload<{ select: typeof apiLeadSelect }>;
/** The API's lead with its score flags (JSON as stored) and its stage moves, oldest first. */
export type ApiLeadWithHistoryRow = Prisma.LeadGetPayload<{ select: typeof apiLeadWithHistorySelect }>;
/** An event as the timeline shows it; `properties` is JSON as stored. */
export type TimelineEventRow = Prisma.EventGetPayload<{ select: typeof timelineEventSelect }>;
/** A place in a timeline: entries strictly older than it, by time then id, come after it. */
export type TimelinePosition = { at: Date; id: string };
export type NewActivity = { leadId: string; authorId: string; kind: string; body: string };

/** One lead's record: its profile, stage moves, owner changes, events as its timeline shows them, and what people logged on it. */
export interface LeadStore {
  exists(q: Queryable, id: string): Promise<boolean>;
  /** Everything the lead page shows but the timeline. */
  page(q: Queryable, id: string): Promise<LeadPageRow | undefined>;
  apiLead(q: Queryable, id: string): Promise<ApiLeadRow | undefined>;
  apiLeadWithHistory(q: Queryable, id: string): Promise<ApiLeadWithHistoryRow | undefined>;
  /** Up to `take` of the lead's events older than `before` (all when null), newest first by when they happened. */
  timelineEvents(q: Queryable, leadId: string, before: TimelinePosition | null, take: number): Promise<TimelineEventRow[]>;
  /** Up to `take` of the activities logged on the lead before `before` (all when null), newest first. */
  timelineActivities(q: Queryable, leadId: string, before: TimelinePosition | null, take: number): Promise<ActivityRow[]>;
  insertActivity(tx: Tx, activity: NewActivity): Promise<ActivityRow>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const leadStore: LeadStore = {
  exists: async (q, id) => (await q.orm.lead.findUnique({ where: { id }, select: { id: true } })) !== null,
  page: async (q, id) => (await q.orm.lead.findUnique({ where: { id }, select: leadPageSelect })) ?? undefined,
  apiLead: async (q, id) => (await q.orm.lead.findUnique({ where: { id }, select: apiLeadSelect })) ?? undefined,
  apiLeadWithHistory: async (q, id) => (await q.orm.lead.findUnique({ where: { id }, select: apiLeadWithHistorySelect })) ?? undefined,
  timelineEvents: (q, leadId, before, take) =>
    q.orm.event.findMany({
      where: before ? { leadId, OR: [{ occurredAt: { lt: before.at } }, { occurredAt: before.at, id: { lt: before.id } }] } : { leadId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take,
      select: timelineEventSelect,
    }),
  timelineActivities: (q, leadId, before, take) =>
    q.orm.note.findMany({
      where: before ? { leadId, OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : { leadId },
      orderBy: newestFirst,
      take,
      select: activitySelect,
    }),
  insertActivity: (tx, activity) => tx.orm.note.create({ data: activity, select: activitySelect }),
};
