import type { KeysetPosition } from "./keyset-cursor";
import { decodeKeysetCursor } from "./keyset-cursor";
import type { Stage } from "./stages";

export const BOARD_PAGE_SIZE = 50;

/** The owner filter: everyone, the signed-in user, leads nobody owns, or one user. */
export type OwnerFilter = { kind: "all" } | { kind: "unassigned" } | { kind: "user"; userId: string };

export function parseOwnerFilter(value: string | null | undefined, currentUserId: string): OwnerFilter {
  if (!value || value === "all") return { kind: "all" };
  if (value === "unassigned") return { kind: "unassigned" };
  if (value === "me") return { kind: "user", userId: currentUserId };
  return { kind: "user", userId: value };
}

/** What orders a column, highest first: the score, or the predictive model's probability. */
export const BOARD_SORTS = ["score", "probability"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const DEFAULT_BOARD_SORT: BoardSort = "score";

/** The board's `sort` URL parameter; anything else is the default. */
export function parseBoardSort(value: string | null | undefined): BoardSort {
  return BOARD_SORTS.find((sort) => sort === value) ?? DEFAULT_BOARD_SORT;
}

/**
 * Where a card sits in its column: the value the column is sorted by and the card's id, both
 * descending. A card without a probability (no model scored it) comes after every card with one.
 * The cursor of a page is the position of its last card.
 */
export type ColumnCursor = KeysetPosition;

export function cardPosition(card: Pick<BoardCard, "id" | "totalScore" | "probability">, sort: BoardSort): ColumnCursor {
  return { value: sort === "score" ? card.totalScore : card.probability, id: card.id };
}

/** Column order: negative when `a` comes first. */
export function comparePositions(a: ColumnCursor, b: ColumnCursor): number {
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return b.value - a.value;
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** A cursor as the sort writes it (a whole score; a probability from 0 to 1 or none), or null. */
export function decodeCursor(text: string, sort: BoardSort): ColumnCursor | null {
  const position = decodeKeysetCursor(text);
  if (!position) return null;
  const { value } = position;
  const valid = sort === "score" ? Number.isInteger(value) : value === null || (value >= 0 && value <= 1);
  return valid ? position : null;
}

export type BoardCard = {
  id: string;
  version: number;
  name: string;
  email: string;
  company: string | null;
  stage: Stage;
  ownerId: string | null;
  ownerName: string | null;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  /** The active model's chance (0–1); null without one. */
  probability: number | null;
  stageEnteredAt: string;
};

export type BoardColumn = { stage: Stage; count: number; cards: BoardCard[]; nextCursor: string | null };
