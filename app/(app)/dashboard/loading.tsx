export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-[1600px] space-y-4 px-4 py-5 sm:px-6" role="status" aria-label="Loading the dashboard">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200/70" />
      <div className="h-32 animate-pulse rounded-xl bg-slate-200/70" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-96 animate-pulse rounded-xl bg-slate-200/70 lg:col-span-2" />
        <div className="h-80 animate-pulse rounded-xl bg-slate-200/70" />
        <div className="h-80 animate-pulse rounded-xl bg-slate-200/70" />
      </div>
    </div>
  );
}
