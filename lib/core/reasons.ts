/**
 * The managed reason lists people pick from: why a lead is disqualified, and why sales rejects
 * an MQL back to marketing. Each list also offers "Other", which needs a written reason.
 */
export const REASON_LISTS = ["disqualification", "reject"] as const;
export type ReasonList = (typeof REASON_LISTS)[number];

/** The code a transition records for "Other"; no listed reason may take it. */
export const OTHER_REASON_CODE = "other";
export const OTHER_REASON_LABEL = "Other";

/** What each list is called where people pick from it, and what a missing pick is called. */
export const REASON_LIST_NAMES: Record<ReasonList, { noun: string; field: string }> = {
  disqualification: { noun: "disqualification reason", field: "Disqualification reason" },
  reject: { noun: "reject reason", field: "Reject reason" },
};

/** The list a move picks its reason from, or null when its reason (if any) is written freely. */
export function reasonListOf(move: string): ReasonList | null {
  if (move === "disqualify") return "disqualification";
  if (move === "reject") return "reject";
  return null;
}

/**
 * The key a funnel report groups a recorded reason by: the listed code, "other" for "Other" and
 * for a rejection written before reject reasons were listed, or the written text for moves
 * without a list (and for disqualifications imported with text only).
 */
export function reasonGroup(transition: { move: string; reasonCode: string | null; reason: string | null }): string | null {
  if (transition.reasonCode) return transition.reasonCode;
  if (transition.move === "reject") return OTHER_REASON_CODE;
  return transition.reason;
}

/**
 * How a recorded reason reads: a listed reason's label, "Other: <text>" for "Other" (or a
 * rejection from before the list), or the written text alone for moves without a list.
 */
export function reasonText(transition: { move: string; reasonCode: string | null; reason: string | null; label?: string | null }): string | null {
  const group = reasonGroup(transition);
  if (group === OTHER_REASON_CODE) return transition.reason ? `${OTHER_REASON_LABEL}: ${transition.reason}` : OTHER_REASON_LABEL;
  if (transition.reasonCode) return transition.label ?? transition.reasonCode;
  return transition.reason;
}
