import { ScoreBandMark } from "@/components/score/score-band-mark";
import type { ScoreBand } from "@/lib/core/scoring/score-band";
import { scoreBand } from "@/lib/core/scoring/score-band";
import type { ReviewThreshold } from "@/lib/views/funnel";

type Props = { total: number; fit: number; engagement: number; threshold: ReviewThreshold };

function distance(total: number, threshold: number): string {
  if (total === threshold) return "at the threshold";
  return total > threshold ? `${total - threshold} over the threshold` : `${threshold - total} below the threshold`;
}

// The same bands as the score badges elsewhere, as text and bar colours.
const TOTAL_TONES: Record<ScoreBand, string> = { reached: "text-emerald-700", near: "text-amber-800", below: "text-slate-900" };
const BAR_TONES: Record<ScoreBand, string> = { reached: "bg-emerald-500", near: "bg-amber-400", below: "bg-slate-400" };

/** The lead's score next to the MQL threshold, with its fit and engagement parts. */
export function ScoreAgainstThreshold({ total, fit, engagement, threshold }: Props) {
  const band = scoreBand({ total, fit }, { total: threshold.total, fit: threshold.fit ?? undefined });
  const fitShort = threshold.fit !== null && fit < threshold.fit;
  return (
    <div className="shrink-0 sm:w-48 sm:text-right" data-testid="review-score">
      <p className="text-sm text-slate-600">
        <span className={`inline-flex items-center ${TOTAL_TONES[band]}`} data-band={band}>
          <ScoreBandMark band={band} />
          <span data-testid="review-total" className="text-2xl font-semibold tabular-nums">
            {total}
          </span>
        </span>
        <span className="tabular-nums"> / {threshold.total}</span>
      </p>
      <div className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className={`h-full rounded-full ${BAR_TONES[band]}`} style={{ width: `${Math.min(100, Math.max(0, (total / threshold.total) * 100))}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">{distance(total, threshold.total)}</p>
      <p className="text-xs tabular-nums text-slate-500">
        <span className={fitShort ? "font-medium text-amber-800" : undefined} title={fitShort ? `The MQL threshold also needs a fit of ${threshold.fit}` : undefined}>
          Fit {fit}
        </span>
        {" · "}Engagement {engagement}
      </p>
    </div>
  );
}
