import type { Histories } from "./history";
import { MOVE_CODE, STAGE_CODE, inRange } from "./history";
import { medianHours } from "./stats";
import type { RepRow, TimeRange } from "./types";

/** The row field each counted move adds to, by MOVE_CODE. */
const TALLY_OF_MOVE: Record<number, "accepted" | "rejected" | "qualified" | "won" | undefined> = {
  [MOVE_CODE.accept]: "accepted",
  [MOVE_CODE.reject]: "rejected",
  [MOVE_CODE.qualify]: "qualified",
  [MOVE_CODE.win]: "won",
};

/**
 * What each person did in the range: MQLs accepted and rejected, leads qualified and won (moves
 * made in the range). Median response: for the rep's accepts and rejects in the range, the median
 * time since the lead's MQL entry they answered. Only people who made such a move appear (not
 * the system); most accepted first, then most qualified, most won.
 */
export function repRows(histories: Histories, range: TimeRange): RepRow[] {
  const rows = new Map<string, { row: RepRow; responses: number[] }>();
  const { toStage, at, move } = histories;
  for (let i = 0; i < histories.leads.length; i++) {
    let latestMqlAt: number | null = null;
    const end = histories.first[i + 1];
    for (let position = histories.first[i]; position < end; position++) {
      const tally = TALLY_OF_MOVE[move[position]];
      const actorId = tally && inRange(range, at[position]) ? histories.transitions[position].actorId : null;
      if (tally && actorId !== null) {
        let rep = rows.get(actorId);
        if (!rep) rows.set(actorId, (rep = { row: { repId: actorId, accepted: 0, rejected: 0, qualified: 0, won: 0, medianResponseHours: null }, responses: [] }));
        rep.row[tally]++;
        if ((tally === "accepted" || tally === "rejected") && latestMqlAt !== null) rep.responses.push(at[position] - latestMqlAt);
      }
      if (toStage[position] === STAGE_CODE.MQL) latestMqlAt = at[position];
    }
  }
  return [...rows.values()]
    .map(({ row, responses }) => ({ ...row, medianResponseHours: medianHours(responses) }))
    .sort((a, b) => b.accepted - a.accepted || b.qualified - a.qualified || b.won - a.won || a.repId.localeCompare(b.repId));
}
