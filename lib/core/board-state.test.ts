import { describe, expect, test } from "vitest";
import type { BoardCard, BoardColumn } from "./board";
import { adoptServerColumns, findCard, placeCard } from "./board-state";

const card = (id: string, stage: BoardCard["stage"], totalScore: number, probability: number | null = null): BoardCard => ({
  id, version: 1, name: id, email: `${id}@x.test`, company: null, stage, ownerId: null, ownerName: null,
  fitScore: 0, engagementScore: totalScore, totalScore, probability, stageEnteredAt: "2026-11-01T00:00:00.000Z",
});

const board = (): BoardColumn[] => [
  { stage: "LEAD", count: 10, cards: [card("a", "LEAD", 50), card("b", "LEAD", 20)], nextCursor: "20:b" },
  { stage: "MQL", count: 2, cards: [card("c", "MQL", 90), card("d", "MQL", 40)], nextCursor: null },
];

describe("placing a card on the board", () => {
  test("moving a card takes it out of its column and into its stage's column in score order", () => {
    const next = placeCard(board(), { ...card("a", "MQL", 50), version: 2 }, "score");
    expect(next[0].cards.map((c) => c.id)).toEqual(["b"]);
    expect(next[0].count).toBe(9);
    expect(next[1].cards.map((c) => c.id)).toEqual(["c", "a", "d"]);
    expect(next[1].count).toBe(3);
    expect(findCard(next, "a")?.version).toBe(2);
  });

  test("placing the original card back reverts a move exactly", () => {
    const original = board();
    const moved = placeCard(original, card("a", "MQL", 50), "score");
    expect(placeCard(moved, original[0].cards[0], "score")).toEqual(original);
  });

  test("a card moving to a stage that is not shown leaves the board and its count drops", () => {
    const next = placeCard(board(), card("d", "DISQUALIFIED", 40), "score");
    expect(next[1]).toMatchObject({ count: 1, cards: [expect.objectContaining({ id: "c" })] });
    expect(findCard(next, "d")).toBeUndefined();
  });

  test("equal scores are ordered by id, descending, like the server's pages", () => {
    const next = placeCard(board(), card("z", "LEAD", 20), "score");
    expect(next[0].cards.map((c) => c.id)).toEqual(["a", "z", "b"]);
  });
});

describe("adopting fresh columns from the server", () => {
  const none = new Set<string>();
  const ids = (column: BoardColumn) => column.cards.map((c) => c.id);

  test("the server's pages and counts replace what the board showed", () => {
    const fresh: BoardColumn[] = [
      { stage: "LEAD", count: 9, cards: [card("b", "LEAD", 20)], nextCursor: "20:b" },
      { stage: "MQL", count: 3, cards: [card("c", "MQL", 90), card("a", "MQL", 50), card("d", "MQL", 40)], nextCursor: null },
    ];
    expect(adoptServerColumns(board(), fresh, none, "score")).toEqual(fresh);
  });

  test("cards loaded beyond the first page stay, and load more goes on from where it was", () => {
    const shown: BoardColumn[] = [{ stage: "LEAD", count: 6, cards: [card("f", "LEAD", 60), card("e", "LEAD", 50), card("d", "LEAD", 40), card("c", "LEAD", 30)], nextCursor: "30:c" }];
    // Someone added a lead scoring 70: the first page (two cards here) now ends earlier.
    const fresh: BoardColumn[] = [{ stage: "LEAD", count: 7, cards: [card("n", "LEAD", 70), card("f", "LEAD", 60)], nextCursor: "60:f" }];
    const [lead] = adoptServerColumns(shown, fresh, none, "score");
    expect(ids(lead)).toEqual(["n", "f", "e", "d", "c"]);
    expect(lead).toMatchObject({ count: 7, nextCursor: "30:c" });
  });

  test("a card that moved onto another column's first page leaves the column it was loaded in", () => {
    const shown: BoardColumn[] = [
      { stage: "LEAD", count: 4, cards: [card("a", "LEAD", 50), card("b", "LEAD", 40), card("c", "LEAD", 30)], nextCursor: "30:c" },
      { stage: "MQL", count: 1, cards: [card("m", "MQL", 90)], nextCursor: null },
    ];
    const fresh: BoardColumn[] = [
      { stage: "LEAD", count: 3, cards: [card("a", "LEAD", 50)], nextCursor: "50:a" },
      { stage: "MQL", count: 2, cards: [card("m", "MQL", 90), { ...card("c", "MQL", 30), version: 2 }], nextCursor: null },
    ];
    const [lead, mql] = adoptServerColumns(shown, fresh, none, "score");
    expect(ids(lead)).toEqual(["a", "b"]);
    expect(ids(mql)).toEqual(["m", "c"]);
  });

  test("a column the server now sends whole holds only what the server sent", () => {
    const fresh: BoardColumn[] = [
      { stage: "LEAD", count: 1, cards: [card("a", "LEAD", 50)], nextCursor: null },
      { stage: "MQL", count: 2, cards: [card("c", "MQL", 90), card("d", "MQL", 40)], nextCursor: null },
    ];
    expect(adoptServerColumns(board(), fresh, none, "score")[0]).toEqual(fresh[0]);
  });

  test("a card whose move is on its way stays where this browser put it", () => {
    const shown = placeCard(board(), card("a", "MQL", 50), "score");
    const adopted = adoptServerColumns(shown, board(), new Set(["a"]), "score");
    expect(findCard(adopted, "a")?.stage).toBe("MQL");
    expect(adopted.map((column) => column.count)).toEqual([9, 3]);
  });

  test("columns rendered before this browser's own move came back don't undo it", () => {
    const shown = placeCard(board(), { ...card("a", "MQL", 50), version: 2 }, "score");
    expect(findCard(adoptServerColumns(shown, board(), none, "score"), "a")).toMatchObject({ stage: "MQL", version: 2 });
  });

  test("otherwise the server's copy of a card wins: fresh scores and owners show", () => {
    const fresh = board();
    fresh[1].cards[0] = { ...card("c", "MQL", 95), ownerId: "u1", ownerName: "Sam Sales" };
    expect(findCard(adoptServerColumns(board(), fresh, none, "score"), "c")).toMatchObject({ totalScore: 95, ownerName: "Sam Sales" });
  });
});

describe("sorted by the model's probability", () => {
  const none = new Set<string>();
  const ids = (column: BoardColumn) => column.cards.map((c) => c.id);
  const byChance = (): BoardColumn[] => [
    { stage: "LEAD", count: 9, cards: [card("a", "LEAD", 10, 0.8), card("b", "LEAD", 90, 0.3)], nextCursor: "0.3:b" },
    { stage: "MQL", count: 3, cards: [card("c", "MQL", 20, 0.6), card("d", "MQL", 99, null)], nextCursor: null },
  ];

  test("a moved card lands by its chance, not its score; cards without one come last", () => {
    const next = placeCard(byChance(), card("a", "MQL", 10, 0.8), "probability");
    expect(ids(next[1])).toEqual(["a", "c", "d"]);
    expect(ids(placeCard(byChance(), card("e", "MQL", 500, null), "probability")[1])).toEqual(["c", "e", "d"]);
  });

  test("cards loaded beyond the first page stay in probability order, and load more goes on from the last one", () => {
    const shown: BoardColumn[] = [{ stage: "LEAD", count: 5, cards: [card("a", "LEAD", 1, 0.8), card("b", "LEAD", 1, 0.5), card("c", "LEAD", 1, 0.2), card("n", "LEAD", 1, null)], nextCursor: "none:n" }];
    const fresh: BoardColumn[] = [{ stage: "LEAD", count: 6, cards: [card("z", "LEAD", 1, 0.9), card("a", "LEAD", 1, 0.8)], nextCursor: "0.8:a" }];
    const [lead] = adoptServerColumns(shown, fresh, none, "probability");
    expect(ids(lead)).toEqual(["z", "a", "b", "c", "n"]);
    expect(lead.nextCursor).toBe("none:n");
  });
});
