import type { Metadata } from "next";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ReviewList } from "@/components/review/review-list";
import { ReviewPagination } from "@/components/review/review-pagination";
import { ReviewTabs } from "@/components/review/review-tabs";
import { ToastProvider } from "@/components/ui/toast";
import { activeDisqualificationReasons } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { loadReviewQueue, parseReviewTab } from "@/lib/server/funnel/review-queue";

export const metadata: Metadata = { title: "MQL review" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("review.work");
  const params = await searchParams;
  const tab = parseReviewTab(first(params.tab));
  const pageParam = first(params.page) ?? "";
  const now = new Date();
  const [queue, reasons] = await Promise.all([
    loadReviewQueue({ tab, page: /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : 1, userId: user.id, now }),
    activeDisqualificationReasons(),
  ]);
  const { threshold } = queue;

  return (
    <ToastProvider>
      <div className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
        <div>
          <div className="flex items-center justify-between gap-3">
            <h1 className="text-xl font-semibold tracking-tight">MQL review</h1>
            <LiveRefresh />
          </div>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Decide what marketing hands to sales: check why leads close to the threshold scored as they did, mark the good ones MQL, and see what sales sent back and why.
          </p>
          <p className="mt-2 inline-flex rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-700" data-testid="review-threshold">
            MQL threshold {threshold.total}
            {threshold.fit !== null && <> (fit {threshold.fit} or more)</>}
            {tab === "near" ? ` · showing leads scoring ${threshold.minimumScore} or more` : ` · near it means ${threshold.minimumScore} or more`}
          </p>
        </div>
        <ReviewTabs active={tab} counts={queue.counts} />
        <ReviewList
          key={`${tab}-${queue.page}`}
          tab={tab}
          rows={queue.rows}
          threshold={threshold}
          slaHours={queue.slaHours}
          viewer={{ id: user.id, role: user.role }}
          reasons={reasons}
          now={now.toISOString()}
        />
        <ReviewPagination tab={tab} page={queue.page} pageCount={queue.pageCount} total={queue.counts[tab]} />
      </div>
    </ToastProvider>
  );
}
