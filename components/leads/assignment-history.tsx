import { describeAssignment } from "@/lib/core/assignments";
import type { AssignmentEntry } from "@/lib/views/leads";
import { SectionCard } from "./section-card";
import { Timestamp } from "./timestamp";

function AssignmentItem({ entry, now }: { entry: AssignmentEntry; now: string }) {
  return (
    <li className="relative pb-4 pl-5 last:pb-0" data-testid="assignment">
      <span aria-hidden="true" className={`absolute -left-[5px] top-1.5 size-2.5 rounded-full ring-2 ring-white ${entry.automatic ? "bg-slate-400" : "bg-brand-500"}`} />
      <p className="text-sm">
        <span className="font-medium text-slate-900">{describeAssignment(entry)}</span>
        <span className="text-slate-600"> — {entry.rule}</span>
      </p>
      <p className="mt-1 text-xs text-slate-600">
        <span className={entry.automatic ? "italic" : "font-medium text-slate-700"}>{entry.actorName}</span> · <Timestamp iso={entry.createdAt} now={now} />
      </p>
    </li>
  );
}

/** Who owned the lead over time, newest first: each change, the rule behind it and who made it. */
export function AssignmentHistory({ assignments, now }: { assignments: AssignmentEntry[]; now: string }) {
  return (
    <SectionCard id="owner-history" title="Owner history" summary={assignments.length > 0 ? `${assignments.length} ${assignments.length === 1 ? "change" : "changes"}` : null}>
      {assignments.length === 0 ? (
        <p className="text-sm text-slate-500">No change of owner recorded. Routing, accepting and reassigning the lead show here.</p>
      ) : (
        <ol className="ml-1 border-l border-slate-200">
          {assignments.map((entry) => (
            <AssignmentItem key={entry.id} entry={entry} now={now} />
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
