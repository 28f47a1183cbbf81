import { ScoreStanding } from "@/components/score/score-standing";
import type { RuleFlag } from "@/lib/core/scoring/types";
import type { ExplainedContribution, LeadScores } from "@/lib/views/leads";
import type { LeadProbability } from "@/lib/views/scoring";
import { ProbabilitySummary } from "./probability-summary";
import { ContributionGroup } from "./score-contributions";
import { SectionCard } from "./section-card";
import { Timestamp } from "./timestamp";

type Props = {
  scores: LeadScores;
  explanation: { contributions: ExplainedContribution[]; flags: RuleFlag[] };
  probability: LeadProbability | null;
  now: string;
};

function ScoredWhen({ scores, now }: { scores: LeadScores; now: string }) {
  if (!scores.scoredAt) return <>Not scored yet</>;
  return (
    <>
      Scored <Timestamp iso={scores.scoredAt} now={now} />
      {scores.ruleSetVersion !== null && <> with rule set v{scores.ruleSetVersion}</>}
    </>
  );
}

function Flags({ flags }: { flags: RuleFlag[] }) {
  return (
    <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3" data-testid="score-flags">
      <h3 className="text-sm font-semibold text-amber-900">Needs review</h3>
      <ul className="mt-1 space-y-1">
        {flags.map((flag) => (
          <li key={flag.ruleId} className="text-sm text-amber-900">
            <span className="font-medium">{flag.label}</span>
            {flag.action === "disqualify" && <span className="ml-2 rounded bg-amber-200/70 px-1.5 py-0.5 text-xs font-semibold">Disqualifies</span>}
            <span className="block text-xs text-amber-800">{flag.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figure({ label, value, emphasis = false }: { label: string; value: number; emphasis?: boolean }) {
  return (
    <div className={`rounded-lg px-4 py-3 ${emphasis ? "bg-brand-50" : "bg-slate-50"}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${emphasis ? "text-brand-700" : "text-slate-900"}`}>{value}</dd>
    </div>
  );
}

/** The lead's scores and why: each rule that added or took points, anything flagged, and the model's chance when one is active. */
export function ScoreCard({ scores, explanation, probability, now }: Props) {
  const byKind = (kind: ExplainedContribution["kind"]) => explanation.contributions.filter((contribution) => contribution.kind === kind);
  return (
    <SectionCard id="score" title="Score" summary={<ScoredWhen scores={scores} now={now} />}>
      <dl className="grid grid-cols-3 gap-3">
        <Figure label="Fit" value={scores.fit} />
        <Figure label="Engagement" value={scores.engagement} />
        <Figure label="Total" value={scores.total} emphasis />
      </dl>
      {scores.scoredAt && <ScoreStanding total={scores.total} fit={scores.fit} engagement={scores.engagement} />}
      {probability && <ProbabilitySummary probability={probability} />}
      {explanation.flags.length > 0 && <Flags flags={explanation.flags} />}
      {scores.scoredAt ? (
        <div className="mt-5 grid gap-6 md:grid-cols-2">
          <ContributionGroup title="Fit" score={scores.fit} contributions={byKind("fit")} now={now} />
          <ContributionGroup title="Engagement" score={scores.engagement} contributions={byKind("engagement")} now={now} />
        </div>
      ) : (
        <p className="mt-4 text-sm text-slate-500">The rules behind each point show here once Leadgate scores this lead.</p>
      )}
    </SectionCard>
  );
}
