import type { ReviewTab } from "@/lib/views/funnel";

/** What each review tab is called, and what it says when it has nothing to show. */
export const REVIEW_TAB_TEXT: Record<ReviewTab, { label: string; empty: string; emptyHint: (minimumScore: number) => string }> = {
  near: {
    label: "Near or over the threshold",
    empty: "Nothing near the threshold right now",
    emptyHint: (minimumScore) => `Leads show up here once they score ${minimumScore} or more; new activity and scoring changes bring them in.`,
  },
  returned: {
    label: "Returned by sales",
    empty: "Nothing has come back from sales",
    emptyHint: () => "When a rep rejects or recycles a lead, it shows up here with their reason.",
  },
  awaiting: {
    label: "Awaiting sales",
    empty: "No MQLs are waiting for sales",
    emptyHint: () => "Leads marked MQL wait here until a rep accepts or rejects them.",
  },
};
