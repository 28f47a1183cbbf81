import Link from "next/link";
import { REVIEW_TABS } from "@/lib/views/funnel";
import type { ReviewTab } from "@/lib/views/funnel";
import { REVIEW_TAB_TEXT } from "./review-tab-text";

const numberFormat = new Intl.NumberFormat("en-US");

/** The review's three lists, each with how many leads it holds. */
export function ReviewTabs({ active, counts }: { active: ReviewTab; counts: Record<ReviewTab, number> }) {
  return (
    <nav aria-label="Review lists" className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {REVIEW_TABS.map((tab) => {
          const current = tab === active;
          return (
            <li key={tab}>
              <Link
                href={`/review?tab=${tab}`}
                aria-current={current ? "page" : undefined}
                data-testid={`review-tab-${tab}`}
                className={`inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {REVIEW_TAB_TEXT[tab].label}
                <span data-testid="review-tab-count" className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${current ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}>
                  {numberFormat.format(counts[tab])}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
