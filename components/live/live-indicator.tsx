import type { LiveStatus } from "./use-live-refresh";

const LOOK: Record<LiveStatus, { label: string; dot: string; text: string; title: string }> = {
  connecting: {
    label: "Live",
    dot: "bg-slate-300",
    text: "text-slate-500",
    title: "Connecting for live updates.",
  },
  live: {
    label: "Live",
    dot: "bg-emerald-500",
    text: "text-slate-600",
    title: "Other people's changes appear here within a few seconds.",
  },
  reconnecting: {
    label: "Reconnecting…",
    dot: "bg-amber-500 motion-safe:animate-pulse",
    text: "text-amber-800",
    title: "Can't reach the server; what you see may be out of date. Still trying.",
  },
  "signed-out": {
    label: "Signed out",
    dot: "bg-slate-400",
    text: "text-slate-600",
    title: "Your session has ended; taking you to sign in.",
  },
};

/** The "Live" dot for a page kept up to date by useLiveRefresh; it says so when the server is out of reach. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span role="status" title={look.title} data-testid="live-indicator" className={`inline-flex items-center gap-1.5 text-xs font-medium ${look.text}`}>
      <span aria-hidden="true" className={`size-2 rounded-full ${look.dot}`} />
      {look.label}
      <span className="sr-only">{` — ${look.title}`}</span>
    </span>
  );
}
