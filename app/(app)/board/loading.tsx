export default function BoardLoading() {
  return (
    <div className="flex gap-3 overflow-hidden px-4 pt-20 sm:px-6" role="status" aria-label="Loading the board">
      {["LEAD", "MQL", "SAL", "SQL"].map((stage) => (
        <div key={stage} className="h-96 w-72 shrink-0 animate-pulse rounded-xl bg-slate-200/70" />
      ))}
    </div>
  );
}
