"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ACTIVITY_KINDS, ACTIVITY_LABELS } from "@/lib/core/activities";
import type { LeadActivity } from "@/lib/views/leads";
import { ActivityKindBadge } from "./activity-kind-badge";
import { LogActivityForm } from "./log-activity-form";
import { SectionCard } from "./section-card";
import { Timestamp } from "./timestamp";

type Props = { leadId: string; activities: LeadActivity[]; canLog: boolean; maxLength: number; now: string };

function countsByKind(activities: LeadActivity[]): string | null {
  const parts = ACTIVITY_KINDS.flatMap((kind) => {
    const count = activities.filter((activity) => activity.kind === kind).length;
    return count === 0 ? [] : [`${count} ${ACTIVITY_LABELS[kind].toLowerCase()}${count === 1 ? "" : "s"}`];
  });
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** Notes, calls, e-mails and meetings the team logged on the lead, newest first, and the form to log one. */
export function LeadActivities({ leadId, activities, canLog, maxLength, now }: Props) {
  const router = useRouter();
  // What this person just logged shows at once; the refresh then brings it, and anything
  // colleagues logged meanwhile, from the server (and into the timeline).
  const [logged, setLogged] = useState<LeadActivity[]>([]);
  const known = new Set(activities.map((activity) => activity.id));
  const shown = [...logged.filter((activity) => !known.has(activity.id)), ...activities];

  return (
    <SectionCard id="activity" title="Activity" summary={countsByKind(shown)}>
      {canLog ? (
        <LogActivityForm
          leadId={leadId}
          maxLength={maxLength}
          onLogged={(activity) => {
            setLogged((current) => [activity, ...current]);
            router.refresh();
          }}
        />
      ) : (
        <p className="text-sm text-slate-500">Admins read the activity; the managers, marketers and reps working the lead log it.</p>
      )}
      {shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">Nothing logged yet. Notes, calls, e-mails and meetings show here and in the timeline.</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Notes, calls, e-mails and meetings, newest first">
          {shown.map((activity) => (
            <li key={activity.id} className="rounded-lg bg-slate-50 px-3 py-2" data-testid="activity">
              <ActivityKindBadge kind={activity.kind} />
              <p className="mt-1.5 whitespace-pre-wrap break-words text-sm text-slate-800">{activity.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                <span className="font-medium text-slate-700">{activity.authorName}</span> · <Timestamp iso={activity.createdAt} now={now} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
