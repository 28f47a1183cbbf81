"use client";

import type { Actor } from "@/lib/core/funnel";
import { can } from "@/lib/core/permissions";
import type { ChecklistItem } from "@/lib/core/qualification";
import type { QueueSectionId, SalesQueue } from "@/lib/views/funnel";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { MoveDialog } from "@/components/board/move-dialog";
import { QueueNotice } from "./queue-notice";
import { QueueRow } from "./queue-row";
import { QueueSection } from "./queue-section";
import { overdueNow } from "./queue-state";
import { QueueSummary } from "./queue-summary";
import { useMinuteClock } from "./use-minute-clock";
import { useQueueActions } from "./use-queue-actions";

type Props = {
  queue: SalesQueue;
  viewer: Actor;
  /** Active sales reps: the manager's picker and reassign list, and the accept dialog's owners. */
  reps: UserOption[];
  reasons: ReasonOption[];
  rejectReasons: ReasonOption[];
  checklist: readonly ChecklistItem[];
};

type SectionText = { title: string; description: string; emptyText: string };

function sectionTexts(queue: SalesQueue, viewer: Actor, reps: UserOption[]): Record<QueueSectionId, SectionText> {
  const { scope } = queue;
  const own = scope.kind === "rep" && scope.repId === viewer.id;
  const whose = own ? "you" : scope.kind === "rep" ? (reps.find((rep) => rep.id === scope.repId)?.name ?? "this rep") : "a rep";
  return {
    toAccept: {
      title: "To accept",
      description: `MQLs routed to ${whose}, the longest waiting first. Accept or reject each within the SLA.`,
      emptyText: "No MQLs waiting — nice.",
    },
    unassigned: {
      title: "Unassigned MQLs",
      description: "Routing found no rep with room for these (every rep was at the cap of open SALs, say). Any rep may accept them.",
      emptyText: "No unassigned MQLs.",
    },
    toQualify: {
      title: "To qualify",
      description: `Leads ${own ? "you" : whose === "a rep" ? "reps" : whose} accepted, the oldest first. Qualify with the checklist, or recycle or disqualify from the Move menu.`,
      emptyText: own ? "Nothing to qualify. MQLs you accept show up here." : "No accepted leads waiting.",
    },
  };
}

/** The sales queue: MQLs to accept against the SLA, unassigned MQLs, and SALs to qualify. */
export function SalesQueueView({ queue, viewer, reps, reasons, rejectReasons, checklist }: Props) {
  const now = useMinuteClock(queue.now);
  const actions = useQueueActions(queue, viewer, reps);
  const { state } = actions;
  const texts = sectionTexts(queue, viewer, reps);
  const seesEveryRep = can(viewer.role, "queue.viewAllReps");
  const reassigns = can(viewer.role, "leads.assign");
  const overdue = { toAccept: overdueNow(state.toAccept, queue.slaHours, now), unassigned: overdueNow(state.unassigned, queue.slaHours, now) };

  return (
    <div className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
      <QueueSummary slaHours={queue.slaHours} overdue={overdue.toAccept + overdue.unassigned} checklist={checklist} scope={queue.scope} reps={seesEveryRep ? reps : null} />
      {actions.notice && <QueueNotice message={actions.notice} onDismiss={actions.dismissNotice} />}
      {(["toAccept", "unassigned", "toQualify"] as const).map((id) => (
        <QueueSection key={id} section={state[id]} shownCount={actions.shown[id].length} {...texts[id]} overdue={id === "toQualify" ? null : overdue[id]}>
          {actions.shown[id].map(({ row, kept }) => (
            <QueueRow
              key={row.id}
              row={row}
              kept={kept}
              viewer={viewer}
              slaHours={queue.slaHours}
              now={now}
              showOwner={queue.scope.kind === "allReps" && id !== "unassigned"}
              pending={actions.pendingIds.has(row.id)}
              onChoose={actions.choose}
              reassign={reassigns ? { reps, onReassign: actions.reassign } : null}
            />
          ))}
        </QueueSection>
      ))}
      {actions.dialog && (
        <MoveDialog
          key={`${actions.dialog.row.id}-${actions.dialog.rule.move}`}
          request={{ card: actions.dialog.row, rules: [actions.dialog.rule] }}
          viewerRole={viewer.role}
          reps={reps}
          reasons={reasons}
          rejectReasons={rejectReasons}
          checklist={checklist}
          errors={actions.dialogErrors}
          pending={actions.pendingIds.has(actions.dialog.row.id)}
          onCancel={actions.cancelDialog}
          onConfirm={(_rule, details) => actions.confirm(details)}
        />
      )}
    </div>
  );
}
