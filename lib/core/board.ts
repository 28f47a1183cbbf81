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

/** A column is paged by score, highest first; the cursor is the last card's score and id. */
export type ColumnCursor = { totalScore: number; id: string };

export function encodeCursor(cursor: ColumnCursor): string {
  return `${cursor.totalScore}:${cursor.id}`;
}

export function decodeCursor(value: string): ColumnCursor | null {
  const match = /^(-?\d+):([\w-]+)$/.exec(value);
  return match ? { totalScore: Number(match[1]), id: match[2] } : null;
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
  stageEnteredAt: string;
};

export type BoardColumn = { stage: Stage; count: number; cards: BoardCard[]; nextCursor: string | null };
