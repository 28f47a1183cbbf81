"use client";

import { useCallback, useState } from "react";
import { explainScoreAction } from "@/lib/server/funnel/review-actions";
import type { ReviewExplanation } from "@/lib/views/funnel";

export type ExplanationState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; explanation: ReviewExplanation }
  | { status: "failed"; message: string };

/** A lead's score explanation, fetched the first time it is asked for and kept afterwards. */
export function useScoreExplanation(leadId: string): { state: ExplanationState; load: () => void } {
  const [state, setState] = useState<ExplanationState>({ status: "idle" });
  const load = useCallback(() => {
    setState({ status: "loading" });
    void explainScoreAction({ leadId }).then(
      (result) => setState(result.ok ? { status: "loaded", explanation: result.data } : { status: "failed", message: result.error.message }),
      () => setState({ status: "failed", message: "The explanation could not be loaded. Check your connection and try again." }),
    );
  }, [leadId]);
  return { state, load };
}
