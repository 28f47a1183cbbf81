import type { BoardCard, BoardColumn } from "./board";

/** Score order of a column: highest total first, ties by id, as the server pages it. */
export function compareCards(a: BoardCard, b: BoardCard): number {
  return b.totalScore - a.totalScore || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Puts a card where its stage says: out of whichever column holds it, into its stage's
 * column in score order, keeping the counts right. A stage not on the board only loses it.
 */
export function placeCard(columns: readonly BoardColumn[], card: BoardCard): BoardColumn[] {
  return columns.map((column) => {
    const had = column.cards.some((existing) => existing.id === card.id);
    let cards = had ? column.cards.filter((existing) => existing.id !== card.id) : column.cards;
    let count = had ? column.count - 1 : column.count;
    if (column.stage === card.stage) {
      cards = [...cards, card].sort(compareCards);
      count += 1;
    }
    return had || column.stage === card.stage ? { ...column, cards, count } : column;
  });
}

export function findCard(columns: readonly BoardColumn[], id: string): BoardCard | undefined {
  for (const column of columns) {
    const card = column.cards.find((candidate) => candidate.id === id);
    if (card) return card;
  }
  return undefined;
}
