const pulse = "animate-pulse rounded-xl bg-slate-200/70";

export default function ReviewLoading() {
  return (
    <div role="status" aria-label="Loading the review" className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
      <div className={`h-8 w-48 ${pulse}`} />
      <div className={`h-4 w-2/3 ${pulse}`} />
      <div className={`h-9 w-full ${pulse}`} />
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className={`h-32 ${pulse}`} />
      ))}
    </div>
  );
}
