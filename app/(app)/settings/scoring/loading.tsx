const pulse = "animate-pulse rounded-xl bg-slate-200/70";

export default function ScoringSettingsLoading() {
  return (
    <div role="status" aria-label="Loading the scoring rules" className="mx-auto max-w-6xl space-y-6 px-4 pt-8 sm:px-6">
      <div className="space-y-2">
        <div className={`h-7 w-48 ${pulse}`} />
        <div className={`h-4 w-full max-w-2xl ${pulse}`} />
      </div>
      <div className={`h-36 ${pulse}`} />
      <div className={`h-96 ${pulse}`} />
      <div className={`h-80 ${pulse}`} />
    </div>
  );
}
