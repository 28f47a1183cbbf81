import { formatDistanceStrict } from "date-fns";
import Link from "next/link";
import type { ReactNode } from "react";
import type { BackLink } from "@/lib/core/back-link";
import type { LeadDetails } from "@/lib/views/leads";
import { StageBadge } from "./stage-badge";
import { Timestamp } from "./timestamp";

/** The lead's name and where it stands, the way back to the list it was opened from, and the moves the user may make. */
export function LeadHeader({ lead, now, back, actions }: { lead: LeadDetails; now: string; back: BackLink; actions: ReactNode }) {
  const { profile } = lead;
  const role = [profile.title, profile.company].filter(Boolean).join(" at ");
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-7xl px-4 py-5 sm:px-6">
        <Link href={back.href} className="inline-flex items-center gap-1 rounded text-sm font-medium text-brand-700 hover:text-brand-600 hover:underline">
          <span aria-hidden="true">←</span> {back.label}
        </Link>
        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-8 gap-y-4">
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">{profile.name}</h1>
            <p className="mt-0.5 truncate text-sm text-slate-600">{role || profile.email}</p>
          </div>
          <dl className="flex flex-wrap gap-x-8 gap-y-3 text-sm">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Stage</dt>
              <dd className="mt-1" data-testid="lead-stage">
                <StageBadge stage={lead.stage} withLabel />
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Owner</dt>
              <dd className="mt-1 font-medium text-slate-900" data-testid="lead-owner">
                {lead.owner?.name ?? <span className="font-normal text-slate-500">Unassigned</span>}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">In stage</dt>
              <dd className="mt-1 font-medium text-slate-900">
                {formatDistanceStrict(new Date(lead.stageEnteredAt), new Date(now))}
                <span className="font-normal text-slate-500">
                  {" "}
                  · since <Timestamp iso={lead.stageEnteredAt} now={now} show="absolute" />
                </span>
              </dd>
            </div>
          </dl>
        </div>
        {actions}
      </div>
    </div>
  );
}
