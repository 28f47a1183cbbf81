export default function QueueLoading() {
  return (
    <div className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6" role="status" aria-label="Loading the sales queue">
      <div className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
      {["toAccept", "unassigned", "toQualify"].map((section) => (
        <div key={section} className="h-48 animate-pulse rounded-xl bg-slate-200/70" />
      ))}
    </div>
  );
}
