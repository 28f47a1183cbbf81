import type { ScoreBand } from "@/lib/core/scoring/score-band";

/** The badge colours per band; every pair passes WCAG AA contrast for small text. */
export const BAND_TONES: Record<ScoreBand, string> = {
  reached: "bg-emerald-100 text-emerald-800 ring-emerald-600/30",
  near: "bg-amber-100 text-amber-900 ring-amber-600/30",
  below: "bg-slate-100 text-slate-700 ring-slate-400/30",
};

/**
 * A shape per band besides the colour, so the bands differ without colour too: a tick at or
 * over the threshold, an upward arrow near it, none well below.
 */
export function ScoreBandMark({ band }: { band: ScoreBand }) {
  if (band === "below") return null;
  return (
    <svg viewBox="0 0 12 12" className="mr-0.5 size-3 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {band === "reached" ? <path d="M2.5 6.5 5 9l4.5-6" /> : <path d="M3 9 9 3M4.5 3H9v4.5" />}
    </svg>
  );
}
