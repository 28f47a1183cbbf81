"use client";

import type { ReviewExplanation } from "@/lib/views/funnel";
import type { ExplainedContribution } from "@/lib/views/leads";
import { ContributionGroup } from "@/components/leads/score-contributions";
import { Timestamp } from "@/components/leads/timestamp";
import { Button } from "@/components/ui/button";
import type { ExplanationState } from "./use-score-explanation";

type Props = { id: string; state: ExplanationState; now: string; onRetry: () => void };

/** The inline "Why this score" panel: the rules behind the fit and engagement points. */
export function ScoreExplanation({ id, state, now, onRetry }: Props) {
  return (
    <div id={id} className="mt-3 rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3" data-testid="score-explanation">
      {(state.status === "idle" || state.status === "loading") && (
        <p role="status" className="animate-pulse text-sm text-slate-500">
          Loading the score explanation…
        </p>
      )}
      {state.status === "failed" && (
        <div className="flex flex-wrap items-center gap-3">
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
          <Button variant="secondary" onClick={onRetry} className="py-1">
            Try again
          </Button>
        </div>
      )}
      {state.status === "loaded" && <Explained explanation={state.explanation} now={now} />}
    </div>
  );
}

function Explained({ explanation, now }: { explanation: ReviewExplanation; now: string }) {
  const { scores, contributions } = explanation;
  if (!scores.scoredAt) return <p className="text-sm text-slate-500">Leadgate has not scored this lead yet; the rules behind each point show once it has.</p>;
  const byKind = (kind: ExplainedContribution["kind"]) => contributions.filter((contribution) => contribution.kind === kind);
  return (
    <>
      <div className="grid gap-6 md:grid-cols-2">
        <ContributionGroup title="Fit" score={scores.fit} contributions={byKind("fit")} now={now} />
        <ContributionGroup title="Engagement" score={scores.engagement} contributions={byKind("engagement")} now={now} />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Scored <Timestamp iso={scores.scoredAt} now={now} />
        {scores.ruleSetVersion !== null && <> with rule set v{scores.ruleSetVersion}</>}
      </p>
    </>
  );
}
