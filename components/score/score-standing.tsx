"use client";

import { scoreStanding } from "@/lib/core/scoring/score-band";
import { ScoreBadge } from "./score-badge";
import { useScoreThreshold } from "./score-threshold";

/** The lead's score badge with how it stands against the MQL threshold written out, for the lead page. */
export function ScoreStanding({ total, fit, engagement }: { total: number; fit: number; engagement: number }) {
  const threshold = useScoreThreshold();
  if (!threshold) return null;
  const standing = scoreStanding({ total, fit }, threshold);
  return (
    <p className="mt-3 flex items-center gap-2 text-sm text-slate-600" data-testid="score-standing">
      <ScoreBadge total={total} fit={fit} engagement={engagement} />
      <span aria-hidden="true">
        {standing.charAt(0).toUpperCase()}
        {standing.slice(1)}
      </span>
    </p>
  );
}
