import { Skeleton, SkeletonBlock } from "@/components/ui/skeleton";

/** The dashboard's shape while its figures are computed: title, filters, headline tiles, then the charts. */
export default function DashboardLoading() {
  return (
    <Skeleton label="Loading the dashboard" className="mx-auto max-w-[1600px] space-y-4 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <SkeletonBlock className="h-7 w-36" />
        <SkeletonBlock className="h-4 w-56" />
      </div>
      <SkeletonBlock className="h-4 w-full max-w-xl" />
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-end gap-3">
          <SkeletonBlock className="h-8 w-full max-w-md" />
          <SkeletonBlock className="h-8 w-36" />
          <SkeletonBlock className="h-8 w-36" />
          <SkeletonBlock className="h-8 w-28" />
        </div>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {Array.from({ length: 5 }, (_, index) => (
            <SkeletonBlock key={index} className="h-12" />
          ))}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="space-y-2 rounded-xl border border-slate-200 bg-white px-4 py-3">
            <SkeletonBlock className="h-3 w-16" />
            <SkeletonBlock className="h-7 w-20" />
            <SkeletonBlock className="h-3 w-24" />
          </div>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {["lg:col-span-2", "", "", "", ""].map((span, index) => (
          <div key={index} className={`space-y-3 rounded-xl border border-slate-200 bg-white p-5 ${span}`}>
            <div className="flex justify-between gap-3">
              <div className="w-full max-w-sm space-y-2">
                <SkeletonBlock className="h-5 w-32" />
                <SkeletonBlock className="h-3 w-full" />
              </div>
              <SkeletonBlock className="h-8 w-40" />
            </div>
            <SkeletonBlock className="h-64" />
          </div>
        ))}
      </div>
    </Skeleton>
  );
}
