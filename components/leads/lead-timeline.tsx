"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { loadMoreTimelineAction } from "@/lib/server/leads/lead-timeline-actions";
import type { LeadTimelinePage, TimelineEntry } from "@/lib/views/leads";
import { SectionCard } from "./section-card";
import { ActivityEntry, EventEntry } from "./timeline-entries";

type Props = { leadId: string; firstPage: LeadTimelinePage; total: number; now: string };

const keyOf = (entry: TimelineEntry) => (entry.entry === "event" ? `event-${entry.event.id}` : `activity-${entry.activity.id}`);

/**
 * Everything that happened with the lead, newest first: what the lead did (events from the API,
 * imports and manual entries) and what the team logged (notes, calls, e-mails, meetings), so a
 * rep reads the whole story in one place. Older entries load a page at a time.
 */
export function LeadTimeline({ leadId, firstPage, total, now }: Props) {
  const [entries, setEntries] = useState(firstPage.entries);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    const result = await loadMoreTimelineAction({ leadId, before: cursor });
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setEntries((current) => {
      const known = new Set(current.map(keyOf));
      return [...current, ...result.data.entries.filter((entry) => !known.has(keyOf(entry)))];
    });
    setCursor(result.data.nextCursor);
  }

  const summary = total === 0 ? null : entries.length < total ? `${entries.length} of ${total.toLocaleString("en-US")} entries` : `${total.toLocaleString("en-US")} ${total === 1 ? "entry" : "entries"}`;
  return (
    <SectionCard id="timeline" title="Timeline" summary={summary}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">
          Nothing recorded yet. What the lead does (from the API, imports and manual entries) and what the team logs show here.
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Timeline, newest first">
          {entries.map((entry) =>
            entry.entry === "event" ? <EventEntry key={keyOf(entry)} event={entry.event} now={now} /> : <ActivityEntry key={keyOf(entry)} activity={entry.activity} now={now} />,
          )}
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
