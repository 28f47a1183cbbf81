import type { Stage } from "../stages";

/*
 * The manager dashboard's inputs and answers. Everything here is plain data: the data layer
 * loads leads and stage transitions, the functions in this folder compute the figures, and the
 * page, the CSV exports and GET /api/v1/metrics/funnel all show the same answers.
 * Times are epoch milliseconds; a range includes `from` and excludes `to`.
 */

export type TimeRange = { from: number; to: number };

export type MetricsLead = {
  id: string;
  createdAt: number;
  source: string | null;
  /** The campaign of the lead's earliest event that names one (first touch). */
  campaign: string | null;
  industry: string | null;
  country: string | null;
  companySize: number | null;
  ownerId: string | null;
  stage: Stage;
  totalScore: number;
  /** The lead's earliest event, if any. */
  firstEventAt: number | null;
  /** When the lead entered its current stage. */
  stageEnteredAt: number;
};

export type MetricsTransition = {
  leadId: string;
  fromStage: Stage;
  toStage: Stage;
  move: string;
  /** Null: the system (scoring) made the move. */
  actorId: string | null;
  reason: string | null;
  reasonCode: string | null;
  at: number;
  /** A win's deal: its value in cents and the start of the (UTC) day it closed; null for other moves. */
  dealValueCents?: number | null;
  closedAt?: number | null;
};

export type MetricsInput = {
  leads: readonly MetricsLead[];
  /** Every transition of those leads, any time, in time order. */
  transitions: readonly MetricsTransition[];
  range: TimeRange;
  /** The moment "now" for open stints and "overdue now". */
  now: number;
  slaHours: number;
};

export const FUNNEL_STAGES = ["LEAD", "MQL", "SAL", "SQL", "WON"] as const satisfies readonly Stage[];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * How a lead left a stage without moving on: returned to marketing by sales (rejected from MQL,
 * recycled from SAL), sent to nurture by marketing (from MQL), disqualified, or lost (from SQL).
 */
export type LossKind = "sentBack" | "nurtured" | "disqualified" | "lost";
export type LossReason = { reason: string; count: number };
export type FunnelStep = {
  stage: FunnelStage;
  /** Distinct leads that entered the stage in the range (LEAD: created, or sent back to LEAD, in the range). */
  entered: number;
  /** Of those, how many reached a later stage by now, and the share; null for WON. */
  advanced: number | null;
  conversion: number | null;
  /** Of those, how many were returned by sales, sent to nurture, disqualified or lost from this stage by now, with the reasons. */
  losses: Record<LossKind, { count: number; reasons: LossReason[] }>;
};

/** The leads that entered MQL in the range (the funnel's MQL step), and how many of them reached SQL by now. */
export type MqlToSql = { mqls: number; sql: number; conversion: number | null };

export type DurationStats = { count: number; medianHours: number | null; p90Hours: number | null };

/** The time from a lead's first entry into one funnel stage (LEAD: its creation) to its first entry into a later one after that. */
export type CycleTime = DurationStats & { from: FunnelStage; to: FunnelStage };

export type Velocity = {
  /** Time spent in each stage, for stints that ended in the range. */
  timeInStage: Record<"LEAD" | "MQL" | "SAL" | "SQL", DurationStats>;
  /** First event → first MQL, for leads that became MQL in the range. */
  firstEventToMql: DurationStats;
  /** MQL → SQL (from the MQL entry that led to it), for leads that became SQL in the range. */
  mqlToSql: DurationStats;
  /** First MQL entry → WON, for leads won in the range (leads that skipped MQL are left out). */
  mqlToWon: DurationStats;
  /** Every pair of funnel stages, earlier first (LEAD → MQL, LEAD → SAL, … SQL → WON), for leads that reached the later stage in the range. */
  cycleTimes: CycleTime[];
};

export type SlaRepRow = { repId: string | null; mqls: number; withinSla: number; late: number; waiting: number; overdueNow: number };
export type SlaMetrics = {
  slaHours: number;
  /** MQL entries in the range. */
  mqls: number;
  /** Accepted or rejected within the SLA / after it. */
  withinSla: number;
  late: number;
  /** No answer yet (still MQL, or left MQL another way). */
  waiting: number;
  withinSlaShare: number | null;
  /** MQLs past the SLA right now, whatever the range. */
  overdueNow: number;
  byRep: SlaRepRow[];
};

/**
 * How fast sales answered MQLs (speed to lead): for MQL entries in the range that were accepted or
 * rejected, the time from the MQL entry to that answer, in minutes (a tenth).
 */
export type SpeedToLeadStats = {
  answered: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Answered within 5 minutes / within an hour (exactly on the mark counts as within). */
  within5Minutes: number;
  withinHour: number;
  within5MinutesShare: number | null;
  withinHourShare: number | null;
};
/** Overall, and by the rep who answered (null: an answer nobody signed, e.g. through the API). */
export type SpeedToLead = SpeedToLeadStats & { byRep: Array<SpeedToLeadStats & { repId: string | null }> };

export type SourceRow = {
  key: string;
  leads: number;
  mql: number;
  sql: number;
  won: number;
  sqlRate: number | null;
  wonRate: number | null;
  /** Of the won leads, the median time from creation to WON in days (a tenth); null when none was won. */
  medianDaysToWon: number | null;
};

export type RepRow = { repId: string; accepted: number; rejected: number; qualified: number; won: number; medianResponseHours: number | null };

/** Won deals: how many, and their value (the sum of the values recorded when they were won). */
export type DealTally = { deals: number; value: number };
export type WonValue = DealTally & {
  /** Wins in the range with no deal value recorded (imported, or from before values were asked for). */
  withoutValue: number;
  /** By the lead's source ("(none)" without one). */
  bySource: Array<DealTally & { source: string }>;
  /** By the lead's owner, the rep the deal belongs to (null: nobody). */
  byRep: Array<DealTally & { repId: string | null }>;
};

export type CohortRow = { month: string; leads: number; reached: Record<Exclude<FunnelStage, "LEAD">, number> };

export type TrendRow = { weekStart: string; entered: Record<FunnelStage, number> };

export type ScoreBand = { label: string; minScore: number; maxScore: number; leads: number; sql: number; sqlRate: number | null };

export type DashboardMetrics = {
  range: { from: string; to: string };
  funnel: FunnelStep[];
  mqlToSql: MqlToSql;
  velocity: Velocity;
  sla: SlaMetrics;
  speedToLead: SpeedToLead;
  sources: SourceRow[];
  campaigns: SourceRow[];
  reps: RepRow[];
  cohorts: CohortRow[];
  trend: TrendRow[];
  calibration: ScoreBand[];
  wonValue: WonValue;
};
