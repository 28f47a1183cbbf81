import { Skeleton, SkeletonBlock } from "@/components/ui/skeleton";

const COLUMNS = ["LEAD", "MQL", "SAL", "SQL"];

/** The board's shape while its columns load: title, toolbar, and the four active columns with cards. */
export default function BoardLoading() {
  return (
    <Skeleton label="Loading the board" className="flex h-[calc(100vh-3.5rem)] flex-col overflow-hidden">
      <div className="px-4 pt-4 sm:px-6">
        <SkeletonBlock className="h-7 w-40" />
      </div>
      <div className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <SkeletonBlock className="h-9 w-64" />
        <SkeletonBlock className="h-9 w-40" />
        <SkeletonBlock className="h-9 w-32" />
      </div>
      <div className="flex min-h-0 flex-1 gap-3 px-4 pb-4 sm:px-6">
        {COLUMNS.map((stage) => (
          <div key={stage} className="flex w-72 shrink-0 flex-col gap-2 rounded-xl bg-slate-100 p-2">
            <div className="flex items-center justify-between px-1 py-1">
              <SkeletonBlock className="h-4 w-16" />
              <SkeletonBlock className="h-4 w-8" />
            </div>
            {[0, 1, 2, 3].map((card) => (
              <div key={card} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
                <SkeletonBlock className="h-4 w-3/4" />
                <SkeletonBlock className="h-3 w-1/2" />
                <div className="flex justify-between">
                  <SkeletonBlock className="h-5 w-10" />
                  <SkeletonBlock className="h-3 w-16" />
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </Skeleton>
  );
}
