"use client";

import { useSyncExternalStore } from "react";
import type { SlaStatus, SlaUrgency } from "@/lib/core/sla";
import { describeSla } from "@/lib/core/sla";

// Outline icons on a 24-unit grid: a clock, a warning triangle, an alert circle.
const ICON_PATHS: Record<SlaUrgency, string> = {
  onTrack: "M12 6v6h4.5m4.5 0a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  dueSoon: "M12 9v3.75m-9.3 3.38c-.87 1.5.22 3.37 1.95 3.37h14.7c1.73 0 2.82-1.87 1.95-3.37L13.95 3.38c-.87-1.5-3.03-1.5-3.9 0L2.7 16.13ZM12 15.75h.01v.01H12v-.01Z",
  overdue: "M12 9v3.75m9-.75a9 9 0 1 1-18 0 9 9 0 0 1 18 0Zm-9 3.75h.01v.01H12v-.01Z",
};

const TONES: Record<SlaUrgency, string> = {
  onTrack: "bg-slate-100 text-slate-700",
  dueSoon: "bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300",
  overdue: "bg-red-100 text-red-800 ring-1 ring-inset ring-red-300",
};

const dueFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const neverChanges = () => () => {};

function label(urgency: SlaUrgency, text: string): string {
  if (urgency === "overdue") return text.charAt(0).toUpperCase() + text.slice(1);
  return urgency === "dueSoon" ? `Due soon: ${text}` : text;
}

/**
 * How long the rep has left to accept or reject an MQL. Due soon and overdue say so in words
 * and with an icon, not by colour alone.
 */
export function SlaTimer({ status, urgency, slaHours }: { status: SlaStatus; urgency: SlaUrgency; slaHours: number }) {
  // The due time is shown in the reader's time zone, which only the browser knows.
  const inBrowser = useSyncExternalStore(neverChanges, () => true, () => false);
  return (
    <span
      data-testid="sla-timer"
      data-urgency={urgency}
      title={inBrowser ? `Due ${dueFormat.format(status.dueAt)} (SLA ${slaHours} h from becoming MQL)` : undefined}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${TONES[urgency]}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-3.5 shrink-0">
        <path d={ICON_PATHS[urgency]} />
      </svg>
      {label(urgency, describeSla(status))}
    </span>
  );
}
