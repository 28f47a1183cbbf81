import { Skeleton, SkeletonBlock } from "@/components/ui/skeleton";

/** The lead table's shape while its rows load: title, views, toolbar, a page of rows and the pager. */
export function LeadTableSkeleton() {
  return (
    <Skeleton label="Loading the leads" className="flex h-[calc(100vh-3.5rem)] flex-col overflow-hidden">
      <div className="flex items-baseline gap-3 px-4 pt-4 sm:px-6">
        <SkeletonBlock className="h-7 w-24" />
        <SkeletonBlock className="h-4 w-20" />
      </div>
      <div className="flex flex-wrap gap-1 border-b border-slate-200 px-4 py-2 sm:px-6">
        {["w-36", "w-24", "w-20", "w-32", "w-20"].map((width, index) => (
          <SkeletonBlock key={index} className={`h-8 ${width}`} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <SkeletonBlock className="h-9 w-64" />
        <SkeletonBlock className="h-7 w-72 rounded-full" />
        <SkeletonBlock className="ml-auto h-9 w-40" />
      </div>
      <div className="min-h-0 flex-1 space-y-px overflow-hidden border-t border-slate-200 bg-white">
        <SkeletonBlock className="h-10 rounded-none" />
        {Array.from({ length: 12 }, (_, row) => (
          <div key={row} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3 sm:px-6">
            <SkeletonBlock className="size-4" />
            <SkeletonBlock className="h-4 w-40" />
            <SkeletonBlock className="h-4 w-32" />
            <SkeletonBlock className="h-5 w-12 rounded-full" />
            <SkeletonBlock className="hidden h-4 w-24 sm:block" />
            <SkeletonBlock className="hidden h-4 w-20 md:block" />
          </div>
        ))}
      </div>
      <div className="flex justify-between border-t border-slate-200 px-4 py-3 sm:px-6">
        <SkeletonBlock className="h-8 w-32" />
        <SkeletonBlock className="h-8 w-48" />
      </div>
    </Skeleton>
  );
}
