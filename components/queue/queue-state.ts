import type { BoardCard } from "@/lib/core/board";
import { mqlSla } from "@/lib/core/sla";
import type { QueueRow, QueueScope, QueueSection, QueueSectionId } from "@/lib/views/funnel";

/** A section as the page keeps it: the loaded rows change with each move, the rest is counted. */
export type SectionState = {
  id: QueueSectionId;
  rows: QueueRow[];
  total: number;
  nextLimit: number | null;
  /** Overdue MQLs beyond the loaded rows, as the server counted them. */
  unloadedOverdue: number;
};

export type QueueState = Record<QueueSectionId, SectionState>;

export function initialQueueState(sections: Record<QueueSectionId, QueueSection>): QueueState {
  const state = {} as QueueState;
  for (const section of Object.values(sections)) {
    const loadedOverdue = section.rows.filter((row) => row.sla?.overdue).length;
    state[section.id] = { id: section.id, rows: section.rows, total: section.total, nextLimit: section.nextLimit, unloadedOverdue: section.overdue - loadedOverdue };
  }
  return state;
}

/** Which section a lead belongs in now, if any: it may have left the queue or this rep's view. */
export function sectionOf(lead: Pick<QueueRow, "stage" | "ownerId">, scope: QueueScope): QueueSectionId | null {
  const inScope = lead.ownerId !== null && (scope.kind === "allReps" || lead.ownerId === scope.repId);
  if (lead.stage === "MQL") return lead.ownerId === null ? "unassigned" : inScope ? "toAccept" : null;
  if (lead.stage === "SAL") return inScope ? "toQualify" : null;
  return null;
}

/**
 * Puts a lead where it now belongs after a move, a reassignment or a conflict: out of its old
 * section and, if it still is in the queue, into its new one by time of entry. A lead that
 * sorts after the loaded rows still shows at the end, so the rep sees where it went.
 */
export function placeLead(state: QueueState, lead: QueueRow, scope: QueueScope): QueueState {
  const target = sectionOf(lead, scope);
  const next = { ...state };
  for (const section of Object.values(state)) {
    const had = section.rows.some((row) => row.id === lead.id);
    const rows = section.rows.filter((row) => row.id !== lead.id);
    let total = section.total - (had ? 1 : 0);
    if (section.id === target) {
      const at = rows.findIndex((row) => row.stageEnteredAt > lead.stageEnteredAt);
      rows.splice(at === -1 ? rows.length : at, 0, lead);
      total += 1;
    }
    if (had || section.id === target) next[section.id] = { ...section, rows, total };
  }
  return next;
}

export function withoutLead(state: QueueState, leadId: string): QueueState {
  const next = { ...state };
  for (const section of Object.values(state)) {
    if (section.rows.some((row) => row.id === leadId)) {
      next[section.id] = { ...section, rows: section.rows.filter((row) => row.id !== leadId), total: section.total - 1 };
    }
  }
  return next;
}

/** A queue row updated from what a move answered (the board's shape of a lead). */
export function mergeCard(row: QueueRow, card: BoardCard): QueueRow {
  return { ...row, ...card, sla: card.stage === "MQL" ? row.sla : null };
}

/** Overdue MQLs in a section right now: the loaded rows counted live, the rest as loaded. */
export function overdueNow(section: SectionState, slaHours: number, now: Date): number {
  const loaded = section.rows.filter((row) => row.stage === "MQL" && mqlSla(new Date(row.stageEnteredAt), slaHours, now).overdue).length;
  return section.unloadedOverdue + loaded;
}

/**
 * A lead the user just moved from the queue (accepted, rejected, qualified…): it stays where they
 * saw it, showing its new state, until they leave the page, so it never slips behind "Load more".
 */
export type KeptLead = { row: QueueRow; section: QueueSectionId; index: number };

/** A row as a section shows it; `kept` marks a lead kept in place after a move. */
export type ShownRow = { row: QueueRow; kept: boolean };

/** A section's loaded rows with the kept leads back at their places (and in no other section). */
export function shownRows(section: SectionState, kept: readonly KeptLead[]): ShownRow[] {
  const keptIds = new Set(kept.map((lead) => lead.row.id));
  const rows: ShownRow[] = section.rows.filter((row) => !keptIds.has(row.id)).map((row) => ({ row, kept: false }));
  for (const lead of kept.filter((candidate) => candidate.section === section.id).sort((a, b) => a.index - b.index)) {
    rows.splice(Math.min(lead.index, rows.length), 0, { row: lead.row, kept: true });
  }
  return rows;
}

/** Keeps a lead just moved where it shows now, or updates it where it is already kept. */
export function keepInPlace(kept: readonly KeptLead[], shown: Readonly<Record<QueueSectionId, readonly ShownRow[]>>, lead: QueueRow): KeptLead[] {
  if (kept.some((candidate) => candidate.row.id === lead.id)) return updateKept(kept, lead);
  for (const [section, rows] of Object.entries(shown) as [QueueSectionId, readonly ShownRow[]][]) {
    const index = rows.findIndex((shownRow) => shownRow.row.id === lead.id);
    if (index >= 0) return [...kept, { row: lead, section, index }];
  }
  return [...kept];
}

/** A kept lead's new state (a reassignment, or what someone else did to it); other leads are left as they are. */
export function updateKept(kept: readonly KeptLead[], lead: QueueRow): KeptLead[] {
  return kept.map((candidate) => (candidate.row.id === lead.id ? { ...candidate, row: lead } : candidate));
}
