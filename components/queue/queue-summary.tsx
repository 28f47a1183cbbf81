import type { ChecklistItem } from "@/lib/core/qualification";
import type { QueueScope } from "@/lib/views/funnel";
import type { UserOption } from "@/lib/views/settings";
import { RepPicker } from "./rep-picker";
import { LiveRefresh } from "@/components/live/live-refresh";

type Props = {
  slaHours: number;
  /** Overdue MQLs in view right now. */
  overdue: number;
  checklist: readonly ChecklistItem[];
  scope: QueueScope;
  /** The reps a manager may pick from; null for a rep, who sees their own queue. */
  reps: UserOption[] | null;
};

const ALERT_ICON = "M12 9v3.75m9-.75a9 9 0 1 1-18 0 9 9 0 0 1 18 0Zm-9 3.75h.01v.01H12v-.01Z";
const CHECK_ICON = "M9 12.75 11.25 15 15 9.75M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z";

function OverdueBadge({ overdue }: { overdue: number }) {
  const late = overdue > 0;
  return (
    <p
      data-testid="queue-overdue"
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-semibold ${late ? "bg-red-100 text-red-800 ring-1 ring-inset ring-red-300" : "bg-emerald-50 text-emerald-800"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-4">
        <path d={late ? ALERT_ICON : CHECK_ICON} />
      </svg>
      {late ? `${overdue.toLocaleString("en-US")} ${overdue === 1 ? "MQL" : "MQLs"} overdue` : "No MQLs overdue"}
    </p>
  );
}

/** The page's heading: what the SLA asks of a rep, how far behind the queue is, whose queue it is. */
export function QueueSummary({ slaHours, overdue, checklist, scope, reps }: Props) {
  const required = checklist.filter((item) => item.required).map((item) => item.label);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Sales queue</h1>
          <LiveRefresh />
        </div>
        {reps && <RepPicker key={scope.kind === "rep" ? scope.repId : "all"} scope={scope} reps={reps} />}
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl space-y-1 text-sm text-slate-600" data-testid="queue-sla-explanation">
          <p className="font-medium text-slate-900">
            Accept or reject new MQLs within {slaHours} {slaHours === 1 ? "hour" : "hours"} of their becoming MQL.
          </p>
          <p>
            The timer on each MQL shows the time left; it turns amber in the last fifth of the window and red once overdue. Rejecting sends the lead back to marketing with
            your reason, which marketing sees in its review.
          </p>
          {required.length > 0 && <p>Accepted leads become sales qualified once the checklist is complete: {required.join(", ")}.</p>}
        </div>
        <OverdueBadge overdue={overdue} />
      </div>
    </div>
  );
}
