"use client";

import { SCORE_BANDS, describeScoreBand } from "@/lib/core/scoring/score-band";
import { BAND_TONES, ScoreBandMark } from "./score-band-mark";
import { useScoreThreshold } from "./score-threshold";

/** What the score badges' colours and marks mean, next to where they are shown. */
export function ScoreLegend({ className = "" }: { className?: string }) {
  const threshold = useScoreThreshold();
  if (!threshold) return null;
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 ${className}`} data-testid="score-legend">
      <span className="font-medium text-slate-700">Score colours:</span>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="What the score colours mean">
        {[...SCORE_BANDS].reverse().map((band) => (
          <li key={band} className="inline-flex items-center gap-1">
            <span className={`inline-flex h-4 min-w-6 items-center justify-center rounded-full px-1 ring-1 ring-inset ${BAND_TONES[band]}`} aria-hidden="true">
              <ScoreBandMark band={band} />
            </span>
            {describeScoreBand(band, threshold)}
          </li>
        ))}
      </ul>
      {threshold.byModel && <span>The model&apos;s chance decides MQL now; the colours compare points.</span>}
    </div>
  );
}
