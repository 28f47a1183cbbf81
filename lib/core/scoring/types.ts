/** What a lead is, as the fit and disqualifying rules see it. */
export type LeadAttributes = {
  email: string;
  title?: string | null;
  seniority?: string | null;
  company?: string | null;
  companySize?: number | null;
  annualRevenue?: number | null;
  industry?: string | null;
  country?: string | null;
  website?: string | null;
  source?: string | null;
  customFields?: Readonly<Record<string, string | number | boolean | null>>;
};

export const STANDARD_FIT_FIELDS = [
  "companySize",
  "annualRevenue",
  "industry",
  "title",
  "seniority",
  "country",
  "emailDomain",
  "website",
  "source",
] as const;
/** A standard attribute, or a custom field as `custom.<name>`. */
export type FitField = (typeof STANDARD_FIT_FIELDS)[number] | `custom.${string}`;

export type Condition =
  | { operator: "equals"; value: string | number }
  | { operator: "in"; values: Array<string | number> }
  | { operator: "range"; min?: number; max?: number }
  | { operator: "contains"; value: string }
  | { operator: "matches"; pattern: string }
  | { operator: "isEmpty" };

export type FitRule = { id: string; label: string; field: FitField; condition: Condition; points: number };

export type EngagementRule = {
  id: string;
  label: string;
  eventType: string;
  /** Only events whose property matches, e.g. which content was downloaded. */
  property?: { key: string; condition: Condition };
  points: number;
  /** At most this many points from this rule within any window of `windowDays`. */
  cap?: { points: number; windowDays: number };
  /** Points halve every `halfLifeDays` after the event; absent means no decay. */
  halfLifeDays?: number;
};

export type DisqualifyRule = {
  id: string;
  label: string;
  field: FitField;
  condition: Condition;
  /** "flag" marks the lead for review; "disqualify" moves it to DISQUALIFIED (from LEAD or MQL). */
  action: "flag" | "disqualify";
  /** A code from the managed disqualification reasons. */
  reasonCode: string;
};

/**
 * When a LEAD becomes MQL: its total (and fit) reach the points, or — with `probability` set and
 * an active predictive model — the model's chance reaches it, instead of the points.
 */
export type MqlThreshold = { total: number; fit?: number; probability?: number };

export type ScoringRules = {
  fit: FitRule[];
  engagement: EngagementRule[];
  disqualify: DisqualifyRule[];
  threshold: MqlThreshold;
};

export type ScoringEvent = { id: string; type: string; occurredAt: Date; properties: Readonly<Record<string, unknown>> };

export type Contribution = {
  ruleId: string;
  ruleLabel: string;
  kind: "fit" | "engagement";
  /** Points after caps and decay, rounded to one decimal. */
  points: number;
  reason: string;
  eventId?: string;
};

export type RuleFlag = { ruleId: string; label: string; action: DisqualifyRule["action"]; reasonCode: string; reason: string };

export type ScoreResult = {
  fit: number;
  engagement: number;
  total: number;
  contributions: Contribution[];
  flags: RuleFlag[];
  meetsThreshold: boolean;
};
