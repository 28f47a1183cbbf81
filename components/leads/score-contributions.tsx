import type { ExplainedContribution } from "@/lib/views/leads";
import { Timestamp } from "./timestamp";

// Long engagement histories stay readable: the strongest few show, the rest open on demand.
const SHOWN_AT_FIRST = 8;

function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return "0";
}

function pointsTone(points: number): string {
  if (points > 0) return "bg-emerald-50 text-emerald-800";
  if (points < 0) return "bg-rose-50 text-rose-800";
  return "bg-slate-100 text-slate-600";
}

function ContributionItem({ contribution, now }: { contribution: ExplainedContribution; now: string }) {
  return (
    <li className="flex items-start gap-3 py-2">
      <span className={`mt-0.5 w-14 shrink-0 rounded px-1.5 py-0.5 text-right text-sm font-semibold tabular-nums ${pointsTone(contribution.points)}`}>
        {formatPoints(contribution.points)}
      </span>
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-900">{contribution.ruleLabel}</p>
        {/* A reason may quote a long URL (a tracked page view): it wraps anywhere rather than widen the card. */}
        <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">
          {contribution.reason}
          {contribution.eventOccurredAt && (
            <>
              {" · "}
              <Timestamp iso={contribution.eventOccurredAt} now={now} show="absolute" />
            </>
          )}
        </p>
      </div>
    </li>
  );
}

type Props = { title: string; score: number; contributions: ExplainedContribution[]; now: string };

/** One side of the score (fit or engagement): its points and the rules that gave them. */
export function ContributionGroup({ title, score, contributions, now }: Props) {
  // Biggest effect first, so what made the score is in view; equal effects keep the engine's order.
  const ranked = [...contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const shown = ranked.slice(0, SHOWN_AT_FIRST);
  const more = ranked.slice(SHOWN_AT_FIRST);
  return (
    <div>
      <h3 className="flex items-baseline justify-between border-b border-slate-100 pb-1 text-sm font-semibold text-slate-800">
        {title}
        <span className="text-xs font-normal text-slate-500">
          {score} {score === 1 ? "point" : "points"}
        </span>
      </h3>
      {contributions.length === 0 ? (
        <p className="py-2 text-sm text-slate-500">No {title.toLowerCase()} rule matched.</p>
      ) : (
        <ul className="divide-y divide-slate-50">
          {shown.map((contribution, index) => (
            <ContributionItem key={`${contribution.ruleId}-${contribution.eventId ?? index}`} contribution={contribution} now={now} />
          ))}
        </ul>
      )}
      {more.length > 0 && (
        <details className="group">
          <summary className="cursor-pointer py-1 text-sm font-medium text-brand-700 hover:underline">
            <span className="group-open:hidden">Show {more.length} more</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <ul className="divide-y divide-slate-50">
            {more.map((contribution, index) => (
              <ContributionItem key={`${contribution.ruleId}-${contribution.eventId ?? SHOWN_AT_FIRST + index}`} contribution={contribution} now={now} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
