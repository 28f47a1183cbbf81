const pulse = "animate-pulse rounded-xl bg-slate-200/70";

export default function LeadLoading() {
  return (
    <div role="status" aria-label="Loading the lead">
      <div className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl space-y-3 px-4 py-5 sm:px-6">
          <div className={`h-4 w-32 ${pulse}`} />
          <div className={`h-8 w-72 ${pulse}`} />
        </div>
      </div>
      <div className="mx-auto grid max-w-7xl gap-6 px-4 pt-6 sm:px-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <div className={`h-56 ${pulse}`} />
          <div className={`h-96 ${pulse}`} />
        </div>
        <div className="space-y-6">
          <div className={`h-80 ${pulse}`} />
          <div className={`h-48 ${pulse}`} />
        </div>
      </div>
    </div>
  );
}
