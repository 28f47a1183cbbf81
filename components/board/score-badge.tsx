export function ScoreBadge({ total, fit, engagement }: { total: number; fit: number; engagement: number }) {
  const tone = total >= 100 ? "bg-emerald-100 text-emerald-800" : total >= 60 ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-700";
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${tone}`}
      title={`Fit ${fit} + engagement ${engagement}`}
      aria-label={`Score ${total}: fit ${fit}, engagement ${engagement}`}
    >
      {total}
    </span>
  );
}
