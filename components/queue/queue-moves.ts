import type { Actor, MoveRule } from "@/lib/core/funnel";
import type { QueueRow, QueueSectionId } from "@/lib/views/funnel";

/** The moves a queue row offers as buttons; the rest sit in its Move menu. */
export const PRIMARY_MOVES: readonly MoveRule["move"][] = ["accept", "reject", "qualify"];

/**
 * Whether a move asks for something first. Accepting needs nothing from a rep (they become the
 * owner) nor from a manager when the lead already has a rep, who keeps it.
 */
export function needsDialog(rule: MoveRule, viewer: Actor, row: QueueRow): boolean {
  return rule.requires.some((requirement) => requirement !== "assignee" || (viewer.role === "MANAGER" && row.ownerId === null));
}

/** What happened, in the queue's words; `section` is where the lead now shows, if anywhere. */
export function moveMessage(rule: MoveRule, lead: QueueRow, section: QueueSectionId | null): string {
  const name = lead.name;
  switch (rule.move) {
    case "accept":
      return section === "toQualify" ? `${name} accepted: it is now in "To qualify".` : `${name} accepted for ${lead.ownerName ?? "the chosen rep"}.`;
    case "reject":
      return `${name} went back to marketing with your reason.`;
    case "qualify":
      return `${name} is sales qualified (SQL) and has left the queue.`;
    default:
      return `${name} moved to ${rule.to}.`;
  }
}
