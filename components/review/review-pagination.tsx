import Link from "next/link";
import { REVIEW_PAGE_SIZE } from "@/lib/views/funnel";
import type { ReviewTab } from "@/lib/views/funnel";

type Props = { tab: ReviewTab; page: number; pageCount: number; total: number };

const numberFormat = new Intl.NumberFormat("en-US");
const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
const disabledClass = "rounded-md border border-slate-200 px-3 py-1.5 font-medium text-slate-400";

function PageLink({ tab, page, label, enabled }: { tab: ReviewTab; page: number; label: string; enabled: boolean }) {
  if (!enabled) {
    return (
      <span aria-disabled="true" className={disabledClass}>
        {label}
      </span>
    );
  }
  return (
    <Link href={`/review?tab=${tab}&page=${page}`} className={linkClass}>
      {label}
    </Link>
  );
}

/** Previous and next pages of a review tab; hidden while everything fits on one. */
export function ReviewPagination({ tab, page, pageCount, total }: Props) {
  if (pageCount <= 1) return null;
  const first = (page - 1) * REVIEW_PAGE_SIZE + 1;
  const last = Math.min(total, page * REVIEW_PAGE_SIZE);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {numberFormat.format(first)}–{numberFormat.format(last)} of {numberFormat.format(total)} leads · page {page} of {pageCount}
      </p>
      <div className="flex items-center gap-2">
        <PageLink tab={tab} page={page - 1} label="Previous" enabled={page > 1} />
        <PageLink tab={tab} page={page + 1} label="Next" enabled={page < pageCount} />
      </div>
    </nav>
  );
}
