import type { ActivityKind } from "@/lib/core/activities";
import type { LeadActivity, LeadEvent } from "@/lib/views/leads";
import { ActivityKindBadge } from "./activity-kind-badge";
import { CATEGORY_STYLES, describeEventType, isEventSource, keyPropertiesOf, SOURCE_LABELS } from "./event-presentation";
import { Timestamp } from "./timestamp";

/** Something the lead did: its type, how it reached Leadgate, and the properties worth a glance. */
export function EventEntry({ event, now }: { event: LeadEvent; now: string }) {
  const type = describeEventType(event.type);
  const properties = keyPropertiesOf(event.properties);
  return (
    <li className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-l-2 py-1.5 pl-3 ${CATEGORY_STYLES[type.category]}`} data-testid="timeline-event">
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          {type.label}
          {type.custom && <code className="ml-2 rounded bg-slate-100 px-1 py-0.5 text-xs font-normal text-slate-600">{event.type}</code>}
          <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 align-middle text-[11px] font-medium text-slate-600" title="How the event reached Leadgate">
            {isEventSource(event.source) ? SOURCE_LABELS[event.source] : event.source}
          </span>
        </p>
        {properties.length > 0 && (
          <dl className="mt-0.5 flex flex-wrap gap-x-4 text-xs text-slate-600">
            {properties.map((property) => (
              <div key={property.key} className="flex min-w-0 max-w-full gap-1">
                <dt className="text-slate-500">{property.label}:</dt>
                <dd className="truncate" title={property.value}>
                  {property.value}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <Timestamp iso={event.occurredAt} now={now} show="absolute" className="shrink-0 text-xs tabular-nums text-slate-500" />
    </li>
  );
}

const LOGGED: Record<ActivityKind, string> = { note: "added a note", call: "logged a call", email: "logged an e-mail", meeting: "logged a meeting" };

/**
 * Something a person logged on the lead, set apart from the lead's own events. Long entries
 * are cut to a few lines here; the Activity panel shows them whole.
 */
export function ActivityEntry({ activity, now }: { activity: LeadActivity; now: string }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 rounded-r-md border-l-2 border-brand-500 bg-slate-50 py-1.5 pl-3 pr-2" data-testid="timeline-activity">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-900">
          <ActivityKindBadge kind={activity.kind} />
          <span>
            {activity.authorName} {LOGGED[activity.kind]}
          </span>
        </p>
        <p className="mt-1 line-clamp-4 whitespace-pre-wrap break-words text-sm text-slate-700">{activity.body}</p>
      </div>
      <Timestamp iso={activity.createdAt} now={now} show="absolute" className="shrink-0 text-xs tabular-nums text-slate-500" />
    </li>
  );
}
