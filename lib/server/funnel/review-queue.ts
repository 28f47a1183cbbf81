import "server-only";
import type { Move } from "@/lib/core/funnel";
import { MOVE_TABLE, returnsToMarketing } from "@/lib/core/funnel";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import { OTHER_REASON_CODE, reasonText } from "@/lib/core/reasons";
import { reviewMinimumScore } from "@/lib/core/saved-views";
import { REVIEW_TABS, REVIEW_PAGE_SIZE } from "@/lib/views/funnel";
import type { ReviewTab, LeadReturn, ReviewThreshold, ReviewQueue, ReviewExplanation } from "@/lib/views/funnel";
import { AppError } from "../errors";
import { SYSTEM_ACTOR_NAME } from "../leads/lead-details";
import { activeRuleSet, explainScore } from "../scoring/lead-scoring";
import { reasonLabels } from "../settings/reason-lists";
import { filterContext, toLeadTableRow } from "../leads/lead-table";
import type { LeadListFilters, LeadListSort } from "../leads/lead-list-store";
import { leadListStore } from "../leads/lead-list-store";
import { reads } from "../store/database";

const RETURN_MOVES: Move[] = [...new Set(MOVE_TABLE.filter(returnsToMarketing).map((rule) => rule.move))];

export function parseReviewTab(value: string | undefined): ReviewTab {
  return REVIEW_TABS.find((tab) => tab === value) ?? "near";
}

export async function reviewThreshold(): Promise<ReviewThreshold> {
  const { threshold } = (await activeRuleSet()).rules;
  return { total: threshold.total, fit: threshold.fit ?? null, minimumScore: reviewMinimumScore(threshold.total) };
}

function filters(partial: Partial<LeadListFilters>): LeadListFilters {
  return { ...EMPTY_FILTERS, ...partial };
}

function tabFilters(tab: ReviewTab, minimumScore: number): LeadListFilters {
  switch (tab) {
    case "near":
      return filters({ stages: ["LEAD"], score: { min: minimumScore, max: null } });
    case "returned":
      return filters({ stages: ["LEAD"], returnedOnly: true });
    case "awaiting":
      return filters({ stages: ["MQL"] });
  }
}

const TAB_ORDER: Record<ReviewTab, LeadListSort> = {
  near: { column: "totalScore", direction: "desc" },
  returned: { column: "returnedAt", direction: "desc" },
  // Longest waiting first: those are the ones sales is sitting on.
  awaiting: { column: "stageEnteredAt", direction: "asc" },
};

/** The latest return of each lead, read for the whole page at once. */
async function latestReturns(leadIds: string[]): Promise<Map<string, LeadReturn>> {
  const latest = new Map<string, LeadReturn>();
  if (leadIds.length === 0) return latest;
  const transitions = await leadListStore.returnTransitions(reads(), leadIds, RETURN_MOVES);
  const labels = await reasonLabels("reject", transitions.flatMap((transition) => (transition.reasonCode ? [transition.reasonCode] : [])));
  for (const transition of transitions) {
    if (latest.has(transition.leadId)) continue;
    const listed = transition.reasonCode !== null && transition.reasonCode !== OTHER_REASON_CODE;
    latest.set(transition.leadId, {
      move: transition.move as Move,
      reason: reasonText({ ...transition, label: transition.reasonCode ? labels.get(transition.reasonCode) : null }),
      note: listed ? transition.reason : null,
      actorName: transition.actorName ?? SYSTEM_ACTOR_NAME,
      at: transition.createdAt.toISOString(),
    });
  }
  return latest;
}

/**
 * One page of the marketers' review: leads near or over the MQL threshold (highest score
 * first), leads people sent back to marketing (latest return first, with its reason), and
 * MQLs still waiting for sales (longest waiting first); with the size of every tab.
 */
export async function loadReviewQueue(input: { tab: ReviewTab; page: number; userId: string; now?: Date }): Promise<ReviewQueue> {
  const threshold = await reviewThreshold();
  const context = await filterContext(input.userId, input.now);
  const filtersOf = (tab: ReviewTab) => tabFilters(tab, threshold.minimumScore);
  const [near, returned, awaiting] = await Promise.all(REVIEW_TABS.map((tab) => leadListStore.count(reads(), filtersOf(tab), context)));
  const counts = { near, returned, awaiting };

  const pageCount = Math.max(1, Math.ceil(counts[input.tab] / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(input.page)), pageCount);
  const leads = await leadListStore.rows(reads(), filtersOf(input.tab), context, TAB_ORDER[input.tab], { skip: (page - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE });
  const rows = leads.map(toLeadTableRow);
  const returns = await latestReturns(rows.filter((row) => row.stage === "LEAD" && row.returnedAt !== null).map((row) => row.id));
  return {
    tab: input.tab,
    rows: rows.map((row) => ({ ...row, lastReturn: returns.get(row.id) ?? null })),
    counts,
    page,
    pageCount,
    threshold,
    slaHours: context.slaHours,
  };
}

/** A lead's scores with every contribution behind them, as the lead page explains them. */
export async function reviewExplanation(leadId: string): Promise<ReviewExplanation> {
  const lead = await leadListStore.scores(reads(), leadId);
  if (!lead) throw new AppError("NOT_FOUND", "This lead no longer exists.");
  const explained = await explainScore(leadId);
  return {
    scores: { fit: lead.fitScore, engagement: lead.engagementScore, total: lead.totalScore, scoredAt: lead.scoredAt?.toISOString() ?? null, ruleSetVersion: lead.ruleSetVersion },
    contributions: (explained?.contributions ?? []).map((contribution) => ({
      ...contribution,
      eventOccurredAt: (contribution.eventId && explained?.eventTimes.get(contribution.eventId)?.toISOString()) || null,
    })),
  };
}
