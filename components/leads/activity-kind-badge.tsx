import type { ActivityKind } from "@/lib/core/activities";
import { ACTIVITY_LABELS } from "@/lib/core/activities";

// Outline icons on a 24-unit grid, drawn with the current text colour.
const ICON_PATHS: Record<ActivityKind, string> = {
  note: "m16.86 4.49 1.69-1.69a1.88 1.88 0 1 1 2.65 2.65L10.58 16.07a4.5 4.5 0 0 1-1.9 1.13L6 18l.8-2.69a4.5 4.5 0 0 1 1.13-1.9l8.93-8.92Zm0 0L19.5 7.13M18 14v4.75A2.25 2.25 0 0 1 15.75 21H5.25A2.25 2.25 0 0 1 3 18.75V8.25A2.25 2.25 0 0 1 5.25 6H10",
  call: "M2.25 6.75c0 8.28 6.72 15 15 15h2.25a2.25 2.25 0 0 0 2.25-2.25v-1.37c0-.52-.35-.97-.85-1.1l-4.42-1.1c-.44-.11-.9.05-1.17.41l-.97 1.3c-.28.37-.77.54-1.21.38a12.04 12.04 0 0 1-7.14-7.15c-.17-.44 0-.93.38-1.21l1.29-.97c.36-.27.53-.73.42-1.17L6.96 3.1a1.13 1.13 0 0 0-1.09-.85H4.5A2.25 2.25 0 0 0 2.25 4.5v2.25Z",
  email: "M21.75 6.75v10.5a2.25 2.25 0 0 1-2.25 2.25h-15a2.25 2.25 0 0 1-2.25-2.25V6.75m19.5 0A2.25 2.25 0 0 0 19.5 4.5h-15a2.25 2.25 0 0 0-2.25 2.25m19.5 0v.24a2.25 2.25 0 0 1-1.07 1.92l-7.5 4.61a2.25 2.25 0 0 1-2.36 0L3.32 8.91a2.25 2.25 0 0 1-1.07-1.92v-.24",
  meeting: "M6.75 3v2.25M17.25 3v2.25M3 18.75V7.5a2.25 2.25 0 0 1 2.25-2.25h13.5A2.25 2.25 0 0 1 21 7.5v11.25m-18 0A2.25 2.25 0 0 0 5.25 21h13.5A2.25 2.25 0 0 0 21 18.75m-18 0v-7.5A2.25 2.25 0 0 1 5.25 9h13.5A2.25 2.25 0 0 1 21 11.25v7.5",
};

const ACTIVITY_TONES: Record<ActivityKind, string> = {
  note: "bg-slate-100 text-slate-700",
  call: "bg-emerald-50 text-emerald-800",
  email: "bg-sky-50 text-sky-800",
  meeting: "bg-amber-50 text-amber-900",
};

export function ActivityKindIcon({ kind, className = "size-4" }: { kind: ActivityKind; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d={ICON_PATHS[kind]} />
    </svg>
  );
}

/** What was logged, as an icon and its name ("Call"). */
export function ActivityKindBadge({ kind }: { kind: ActivityKind }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${ACTIVITY_TONES[kind]}`} data-testid="activity-kind">
      <ActivityKindIcon kind={kind} className="size-3.5" />
      {ACTIVITY_LABELS[kind]}
    </span>
  );
}
