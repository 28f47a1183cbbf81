"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { Move, MoveRule } from "@/lib/core/funnel";
import { describeSla, mqlSla } from "@/lib/core/sla";
import type { ReviewRow as Row, ReviewThreshold } from "@/lib/views/funnel";
import { StageBadge } from "@/components/leads/stage-badge";
import { Timestamp } from "@/components/leads/timestamp";
import { useLeadHref } from "@/components/leads/use-lead-href";
import { ReturnCallout } from "./return-callout";
import { ReviewActions } from "./review-actions";
import { ScoreAgainstThreshold } from "./score-against-threshold";
import { ScoreExplanation } from "./score-explanation";
import { useScoreExplanation } from "./use-score-explanation";

type Props = {
  row: Row;
  threshold: ReviewThreshold;
  slaHours: number;
  now: string;
  rules: MoveRule[];
  pendingMove: Move | null;
  /** Why the row is not where the viewer expected it (someone else moved the lead). */
  notice: string | null;
  onChoose: (row: Row, rule: MoveRule, opener: HTMLButtonElement) => void;
};

/** Where an MQL stands with sales: who it was routed to and how long they have left to respond. */
function WaitingForSales({ row, slaHours, now }: { row: Row; slaHours: number; now: string }) {
  const sla = mqlSla(new Date(row.stageEnteredAt), slaHours, new Date(now));
  return (
    <p className="mt-1 text-sm text-slate-600">
      {row.ownerName ? <>Routed to {row.ownerName}</> : <>Unassigned: no rep could take it</>}
      {" · MQL since "}
      <Timestamp iso={row.stageEnteredAt} now={now} />
      {" · "}
      <span className={sla.overdue ? "font-medium text-red-700" : undefined}>{sla.overdue ? `response ${describeSla(sla)}` : `${describeSla(sla)} to respond`}</span>
    </p>
  );
}

/** One lead under review: who it is, its score against the threshold, why, and what to do with it. */
export function ReviewRow({ row, threshold, slaHours, now, rules, pendingMove, notice, onChoose }: Props) {
  const id = useId();
  const leadHref = useLeadHref();
  const [expanded, setExpanded] = useState(false);
  const { state, load } = useScoreExplanation(row.id);

  function toggle() {
    if (!expanded && (state.status === "idle" || state.status === "failed")) load();
    setExpanded(!expanded);
  }

  return (
    <li
      data-testid="review-row"
      data-lead-id={row.id}
      data-version={row.version}
      aria-labelledby={`${id}-name`}
      aria-busy={pendingMove !== null || undefined}
      className={`rounded-xl border bg-white p-4 shadow-sm ${pendingMove ? "border-brand-300" : "border-slate-200"}`}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`${id}-name`} className="text-base font-semibold text-slate-900">
              <Link href={leadHref(row.id)} prefetch={false} className="rounded-sm hover:text-brand-700 hover:underline">
                {row.name}
              </Link>
            </h3>
            <StageBadge stage={row.stage} />
          </div>
          <p className="truncate text-sm text-slate-600">{[row.title, row.company].filter(Boolean).join(" · ") || row.email}</p>
          {row.stage === "MQL" ? (
            <WaitingForSales row={row} slaHours={slaHours} now={now} />
          ) : (
            <p className="mt-1 text-xs text-slate-500">
              {row.lastActivityAt ? (
                <>
                  Last activity <Timestamp iso={row.lastActivityAt} now={now} />
                </>
              ) : (
                "No activity yet"
              )}
              {row.source && <> · Source {row.source}</>}
            </p>
          )}
          {row.lastReturn && <ReturnCallout lastReturn={row.lastReturn} now={now} />}
          {notice && <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{notice}</p>}
        </div>
        <ScoreAgainstThreshold total={row.totalScore} fit={row.fitScore} engagement={row.engagementScore} threshold={threshold} />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={state.status === "idle" ? undefined : `${id}-why`}
          onClick={toggle}
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${expanded ? "rotate-90" : ""}`}>
            ▸
          </span>
          Why this score
          <span className="sr-only">: {row.name}</span>
        </button>
        <ReviewActions leadName={row.name} rules={rules} pendingMove={pendingMove} onChoose={(rule, opener) => onChoose(row, rule, opener)} />
      </div>
      {state.status !== "idle" && (
        <div hidden={!expanded}>
          <ScoreExplanation id={`${id}-why`} state={state} now={now} onRetry={load} />
        </div>
      )}
    </li>
  );
}
