const pulse = "animate-pulse rounded-xl bg-slate-200/70";

export default function WorkflowSettingsLoading() {
  return (
    <div role="status" aria-label="Loading the workflow settings" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <div className="space-y-2">
        <div className={`h-7 w-56 ${pulse}`} />
        <div className={`h-4 w-full max-w-2xl ${pulse}`} />
      </div>
      <div className={`h-48 ${pulse}`} />
      <div className={`h-96 ${pulse}`} />
      <div className={`h-80 ${pulse}`} />
      <div className={`h-72 ${pulse}`} />
    </div>
  );
}
