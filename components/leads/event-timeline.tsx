"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { loadMoreEventsAction } from "@/lib/server/actions/lead-timeline";
import type { LeadEvent, LeadEventPage } from "@/lib/server/lead-details";
import { CATEGORY_STYLES, describeEventType, isEventSource, keyPropertiesOf, SOURCE_LABELS } from "./event-presentation";
import { SectionCard } from "./section-card";
import { Timestamp } from "./timestamp";

function EventItem({ event, now }: { event: LeadEvent; now: string }) {
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

type Props = { leadId: string; firstPage: LeadEventPage; total: number; now: string };

/** What the lead did, newest first; older events load a page at a time. */
export function EventTimeline({ leadId, firstPage, total, now }: Props) {
  const [events, setEvents] = useState(firstPage.events);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    const result = await loadMoreEventsAction({ leadId, before: cursor });
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setEvents((current) => {
      const known = new Set(current.map((event) => event.id));
      return [...current, ...result.data.events.filter((event) => !known.has(event.id))];
    });
    setCursor(result.data.nextCursor);
  }

  const summary = total === 0 ? null : events.length < total ? `${events.length} of ${total.toLocaleString("en-US")} events` : `${total.toLocaleString("en-US")} ${total === 1 ? "event" : "events"}`;
  return (
    <SectionCard id="timeline" title="Activity" summary={summary}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">No activity recorded yet. Events from the API, imports and manual entries show here.</p>
      ) : (
        <ol className="space-y-2" aria-label="Events, newest first">
          {events.map((event) => (
            <EventItem key={event.id} event={event} now={now} />
          ))}
        </ol>
      )}
      {cursor && (
        <Button variant="secondary" className="mt-4 w-full" onClick={() => void loadMore()} disabled={loading}>
          {loading ? "Loading…" : "Load more"}
        </Button>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </SectionCard>
  );
}
