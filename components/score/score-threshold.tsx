"use client";

import type { ReactNode } from "react";
import { createContext, useContext } from "react";
import type { BandThreshold } from "@/lib/core/scoring/score-band";

/** The active rules' MQL threshold in points; `byModel` when the predictive model's chance decides instead. */
export type ScoreThreshold = BandThreshold & { byModel: boolean };

const ScoreThresholdContext = createContext<ScoreThreshold | null>(null);

/**
 * Gives every score badge below it the threshold to colour against, so boards, tables, queues
 * and lead pages need not pass it down through every list and row.
 */
export function ScoreThresholdProvider({ threshold, children }: { threshold: ScoreThreshold; children: ReactNode }) {
  return <ScoreThresholdContext value={threshold}>{children}</ScoreThresholdContext>;
}

/** Null outside a provider: badges are then shown without a band. */
export function useScoreThreshold(): ScoreThreshold | null {
  return useContext(ScoreThresholdContext);
}
