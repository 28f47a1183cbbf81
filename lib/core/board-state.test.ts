import { describe, expect, test } from "vitest";
import type { BoardCard, BoardColumn } from "./board";
import { findCard, placeCard } from "./board-state";

const card = (id: string, stage: BoardCard["stage"], totalScore: number): BoardCard => ({
  id, version: 1, name: id, email: `${id}@x.test`, company: null, stage, ownerId: null, ownerName: null,
  fitScore: 0, engagementScore: totalScore, totalScore, stageEnteredAt: "2026-11-01T00:00:00.000Z",
});

const board = (): BoardColumn[] => [
  { stage: "LEAD", count: 10, cards: [card("a", "LEAD", 50), card("b", "LEAD", 20)], nextCursor: "20:b" },
  { stage: "MQL", count: 2, cards: [card("c", "MQL", 90), card("d", "MQL", 40)], nextCursor: null },
];

describe("placing a card on the board", () => {
  test("moving a card takes it out of its column and into its stage's column in score order", () => {
    const next = placeCard(board(), { ...card("a", "MQL", 50), version: 2 });
    expect(next[0].cards.map((c) => c.id)).toEqual(["b"]);
    expect(next[0].count).toBe(9);
    expect(next[1].cards.map((c) => c.id)).toEqual(["c", "a", "d"]);
    expect(next[1].count).toBe(3);
    expect(findCard(next, "a")?.version).toBe(2);
  });

  test("placing the original card back reverts a move exactly", () => {
    const original = board();
    const moved = placeCard(original, card("a", "MQL", 50));
    expect(placeCard(moved, original[0].cards[0])).toEqual(original);
  });

  test("a card moving to a stage that is not shown leaves the board and its count drops", () => {
    const next = placeCard(board(), card("d", "DISQUALIFIED", 40));
    expect(next[1]).toMatchObject({ count: 1, cards: [expect.objectContaining({ id: "c" })] });
    expect(findCard(next, "d")).toBeUndefined();
  });

  test("equal scores are ordered by id, descending, like the server's pages", () => {
    const next = placeCard(board(), card("z", "LEAD", 20));
    expect(next[0].cards.map((c) => c.id)).toEqual(["a", "z", "b"]);
  });
});
