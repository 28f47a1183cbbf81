import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { BoardCard, BoardColumn, BoardSort, ColumnCursor } from "@/lib/core/board";
import { BOARD_PAGE_SIZE, DEFAULT_BOARD_SORT, cardPosition } from "@/lib/core/board";
import { encodeKeysetCursor } from "@/lib/core/keyset-cursor";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import type { BoardCardRow, BoardFilters } from "./board-store";
import { boardStore } from "./board-store";
import { reads } from "../store/database";

export function toBoardCard(row: BoardCardRow): BoardCard {
  if (!isStage(row.stage)) throw new Error(`Lead ${row.id} has an unknown stage ${row.stage}`);
  return {
    id: row.id,
    version: row.version,
    name: leadName(row),
    email: row.email,
    company: row.company,
    stage: row.stage,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    fitScore: row.fitScore,
    engagementScore: row.engagementScore,
    totalScore: row.totalScore,
    probability: row.probability,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
  };
}

export async function loadColumnPage(stage: Stage, filters: BoardFilters, after?: ColumnCursor, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<Omit<BoardColumn, "count">> {
  const rows = await boardStore.columnPage(reads(), stage, filters, { after, sort, take: BOARD_PAGE_SIZE + 1 });
  const page = rows.slice(0, BOARD_PAGE_SIZE).map(toBoardCard);
  const last = page.at(-1);
  return { stage, cards: page, nextCursor: rows.length > BOARD_PAGE_SIZE && last ? encodeKeysetCursor(cardPosition(last, sort)) : null };
}

export async function loadColumn(stage: Stage, filters: BoardFilters, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<BoardColumn> {
  const [page, count] = await Promise.all([loadColumnPage(stage, filters, undefined, sort), boardStore.columnCount(reads(), stage, filters)]);
  return { ...page, count };
}

export async function loadBoard(stages: readonly Stage[], filters: BoardFilters, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<BoardColumn[]> {
  return Promise.all(stages.map((stage) => loadColumn(stage, filters, sort)));
}

/** Counts only, for the collapsed outcome columns. */
export async function countByStage(stages: readonly Stage[], filters: BoardFilters): Promise<Record<string, number>> {
  const counts = await Promise.all(stages.map((stage) => boardStore.columnCount(reads(), stage, filters)));
  return Object.fromEntries(stages.map((stage, index) => [stage, counts[index]]));
}
