/** A run in progress, announced politely: backtests at 100,000 leads take seconds. */
export function Working({ children }: { children: string }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
      <span aria-hidden="true" className="size-4 shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
      {children}
    </p>
  );
}
