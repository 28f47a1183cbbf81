/*
 * What the lead pages show (the lead table, saved views, a lead's page and timeline): plain types
 * shared by the services that build them and the components that render them.
 */

import type { ActivityKind } from "@/lib/core/activities";
import type { AssignmentChange } from "@/lib/core/assignments";
import type { Contribution, RuleFlag } from "@/lib/core/scoring/types";
import type { Stage } from "@/lib/core/stages";
import type { LeadProbability } from "./scoring";

// Built by lib/server/leads/lead-details.ts.
export type CustomFieldValue = string | number | boolean | null;

export type LeadProfile = {
  name: string;
  email: string;
  title: string | null;
  seniority: string | null;
  phone: string | null;
  company: string | null;
  companySize: number | null;
  annualRevenue: number | null;
  industry: string | null;
  country: string | null;
  website: string | null;
  source: string | null;
  customFields: Record<string, CustomFieldValue>;
};

export type LeadScores = { fit: number; engagement: number; total: number; scoredAt: string | null; ruleSetVersion: number | null };

/** A contribution with the date of the event behind it, when it came from one that still exists. */
export type ExplainedContribution = Contribution & { eventOccurredAt: string | null };

export type StageHistoryEntry = {
  id: string;
  fromStage: string;
  toStage: string;
  move: string;
  /** The person who made the move, or "Leadgate (automatic)" for a system move. */
  actorName: string;
  automatic: boolean;
  reason: string | null;
  reasonCode: string | null;
  reasonLabel: string | null;
  checklist: Record<string, boolean> | null;
  /** A win's deal: its value and the day it closed (YYYY-MM-DD, UTC). */
  deal: { value: number; closedOn: string } | null;
  createdAt: string;
};

/** A note, or a call, e-mail or meeting someone logged on the lead. */
export type LeadActivity = { id: string; kind: ActivityKind; body: string; authorName: string; createdAt: string };

export type AssignmentEntry = AssignmentChange & {
  id: string;
  /** The person who changed the owner, or "Leadgate routing" when routing chose. */
  actorName: string;
  rule: string;
  createdAt: string;
};

export type LeadDetails = {
  id: string;
  version: number;
  stage: Stage;
  stageEnteredAt: string;
  createdAt: string;
  owner: { id: string; name: string } | null;
  profile: LeadProfile;
  scores: LeadScores;
  explanation: { contributions: ExplainedContribution[]; flags: RuleFlag[] };
  /** Null unless an active model scored the lead. */
  probability: LeadProbability | null;
  history: StageHistoryEntry[];
  assignments: AssignmentEntry[];
  /** Newest first. */
  activities: LeadActivity[];
  eventCount: number;
};

export type LeadEvent = { id: string; type: string; occurredAt: string; source: string; properties: Record<string, unknown> };

/** One line of the timeline: something the lead did, or something a person logged on it. */
export type TimelineEntry = { entry: "event"; event: LeadEvent } | { entry: "activity"; activity: LeadActivity };
export type LeadTimelinePage = { entries: TimelineEntry[]; nextCursor: string | null };

// Built by lib/server/leads/lead-table.ts.
export type LeadTableRow = {
  id: string;
  version: number;
  name: string;
  email: string;
  company: string | null;
  title: string | null;
  stage: Stage;
  ownerId: string | null;
  ownerName: string | null;
  totalScore: number;
  fitScore: number;
  engagementScore: number;
  /** The active model's chance (0–1); null without one. */
  probability: number | null;
  source: string | null;
  industry: string | null;
  country: string | null;
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
  /** When a person last sent it back to marketing (reject, nurture, recycle). */
  returnedAt: string | null;
};

export type LeadTablePage = { rows: LeadTableRow[]; total: number; page: number; pageCount: number; slaHours: number };

export type FilterOptions = { sources: string[]; campaigns: string[]; industries: string[]; countries: string[] };

// Built by lib/server/leads/saved-views.ts.
export type SavedViewSummary = { id: string; name: string; query: string; shared: boolean; ownerName: string; mine: boolean };
