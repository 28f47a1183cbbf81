"use client";

import { scoreBand, scoreStanding } from "@/lib/core/scoring/score-band";
import { BAND_TONES, ScoreBandMark } from "./score-band-mark";
import { useScoreThreshold } from "./score-threshold";

/** A lead's total score, coloured and marked by how it stands against the MQL threshold (see ScoreLegend). */
export function ScoreBadge({ total, fit, engagement }: { total: number; fit: number; engagement: number }) {
  const threshold = useScoreThreshold();
  const band = threshold ? scoreBand({ total, fit }, threshold) : null;
  const standing = threshold ? `; ${scoreStanding({ total, fit }, threshold)}` : "";
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${BAND_TONES[band ?? "below"]}`}
      title={`Fit ${fit} + engagement ${engagement}${standing}`}
      aria-label={`Score ${total}: fit ${fit}, engagement ${engagement}${standing}`}
      data-band={band ?? undefined}
      data-testid="score-badge"
    >
      {band && <ScoreBandMark band={band} />}
      {total}
    </span>
  );
}
