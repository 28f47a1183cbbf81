/*
 * What the funnel's pages show (the MQL review, the sales queue, the routing settings, the
 * navigation's counts): plain types shared by the services that build them and the components that
 * render them.
 */

import type { Move } from "@/lib/core/funnel";
import type { ExplainedContribution, LeadScores, LeadTableRow } from "./leads";

// Built by lib/server/funnel/nav-counts.ts.
/** What waits for the viewer's action, for the navigation; null where their role has no such page. */
export type NavCounts = {
  /** Leads near or over the MQL threshold, waiting for a marketer's decision (the review's first tab). */
  review: number | null;
  /** MQLs past the response SLA: a rep's own and the unassigned ones; every rep's for managers. */
  overdue: number | null;
};

// Built by lib/server/funnel/review-queue.ts.
export const REVIEW_TABS = ["near", "returned", "awaiting"] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];
export const REVIEW_PAGE_SIZE = 25;

/**
 * The last time a person sent the lead back to marketing, and why: `reason` as it reads (a
 * listed reject reason's label, "Other: <text>", or the written reason), `note` the text written
 * beside a listed reason.
 */
export type LeadReturn = { move: Move; reason: string | null; note: string | null; actorName: string; at: string };

export type ReviewRow = LeadTableRow & { lastReturn: LeadReturn | null };

export type ReviewThreshold = { total: number; fit: number | null; minimumScore: number };

export type ReviewQueue = {
  tab: ReviewTab;
  rows: ReviewRow[];
  counts: Record<ReviewTab, number>;
  page: number;
  pageCount: number;
  threshold: ReviewThreshold;
  slaHours: number;
};

export type ReviewExplanation = { scores: LeadScores; contributions: ExplainedContribution[] };

// Built by lib/server/funnel/routing.ts.
export type RoutingRep = { id: string; name: string; active: boolean; openSals: number };

// Built by lib/server/funnel/sales-queue.ts.
export const QUEUE_SECTIONS = ["toAccept", "unassigned", "toQualify"] as const;
export type QueueSectionId = (typeof QUEUE_SECTIONS)[number];

/** Whose queue: one rep's, or (for managers) every rep's at once. */
export type QueueScope = { kind: "rep"; repId: string } | { kind: "allReps" };

/** An MQL's SLA as the page saw it when it was loaded; the browser keeps counting from here. */
export type QueueSla = { dueAt: string; overdue: boolean; remainingMs: number };

export type QueueRow = LeadTableRow & { sla: QueueSla | null };

export type QueueSection = {
  id: QueueSectionId;
  /** The oldest first: whoever waited longest is next. */
  rows: QueueRow[];
  total: number;
  /** MQLs in the section past the SLA, counting those beyond the loaded rows. */
  overdue: number;
  /** How many rows to ask for on "Load more" (kept in the URL), or null at the cap. */
  nextLimit: number | null;
};

export type SalesQueue = { scope: QueueScope; sections: Record<QueueSectionId, QueueSection>; overdue: number; slaHours: number; now: string };
