import type { Target } from "@/lib/core/scoring-lab/outcomes";

/* How the lab words its figures: whole percentages in sentences, outcomes named for the target. */

const count = new Intl.NumberFormat("en-US");
const wholePercent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const onePercent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const points = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const threeDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export const NO_VALUE = "—";

export const formatCount = (value: number) => count.format(value);
// "72 %", as the lead page writes a probability; the no-break space keeps the sign with its number.
const spaced = (text: string) => text.replace("%", "\u00a0%");
export const formatPercent = (share: number | null) => (share === null ? NO_VALUE : spaced(wholePercent.format(share)));
export const formatRate = (share: number | null) => (share === null ? NO_VALUE : spaced(onePercent.format(share)));
export const formatAuc = (auc: number | null) => (auc === null ? NO_VALUE : twoDecimals.format(auc));
/** Rule points: decay leaves fractions, one decimal is plenty. */
export const formatPoints = (value: number) => points.format(value);
export const formatScore = (value: number) => threeDecimals.format(value);
export const formatDay = (time: number | string) => day.format(new Date(time));
export const plural = (value: number, one: string, many: string) => `${count.format(value)} ${value === 1 ? one : many}`;

export const TARGET_LABELS: Record<Target, string> = { WON: "Won", SQL: "Sales qualified" };

/** The words for a target's outcomes, so every sentence reads naturally for either. */
export type TargetWords = { label: string; reached: string; positives: string; pair: string };

export function targetWords(target: Target): TargetWords {
  return target === "WON"
    ? { label: "Won", reached: "were won", positives: "wins", pair: "a buyer above a non-buyer" }
    : { label: "Sales qualified", reached: "became SQL", positives: "sales-qualified leads", pair: "a lead that became SQL above one that didn't" };
}

/** ROC AUC in words: what a marketer can check against a coin toss. */
export function aucSentence(auc: number | null, target: Target): string {
  if (auc === null) return `Can't be measured yet: it takes leads that reached ${TARGET_LABELS[target]} and leads that didn't.`;
  return `Ranks ${targetWords(target).pair} ${formatPercent(auc)} of the time; 50\u00a0% is chance.`;
}
