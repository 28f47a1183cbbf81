import type { BoardCard, BoardColumn, ColumnCursor } from "./board";
import { decodeCursor, encodeCursor } from "./board";

/** Score order of a column: highest total first, ties by id, as the server pages it. */
export function compareCards(a: ColumnCursor, b: ColumnCursor): number {
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

/** One column of fresh server data, keeping the cards this browser loaded beyond its first page. */
function withCardsLoadedFurther(fresh: BoardColumn, shown: BoardColumn | undefined, onFreshPages: ReadonlySet<string>): BoardColumn {
  const lastFresh = fresh.cards.at(-1);
  const freshCursor = fresh.nextCursor ? decodeCursor(fresh.nextCursor) : null;
  // Without a next page the server sent the whole column: nothing else belongs in it.
  if (!shown || !lastFresh || !freshCursor) return fresh;
  const further = shown.cards.filter((card) => !onFreshPages.has(card.id) && compareCards(card, lastFresh) > 0).sort(compareCards);
  const loadedTo = shown.nextCursor ? decodeCursor(shown.nextCursor) : shown.cards.at(-1);
  const nextCursor = loadedTo && compareCards(loadedTo, freshCursor) > 0 ? encodeCursor(loadedTo) : fresh.nextCursor;
  return { ...fresh, cards: [...fresh.cards, ...further], nextCursor };
}

/**
 * The board once the server sent fresh columns because someone changed a lead: the server's
 * first pages and counts, plus what only this browser knows. Cards the user loaded beyond the
 * first page ("load more") stay, as they were when loaded, and "load more" goes on from where
 * it was; a move on one that changed meanwhile gets the usual "someone moved it" answer. A
 * card whose move is still on its way, or whose move came back after the server rendered
 * these columns (a higher version), stays as this browser has it.
 */
export function adoptServerColumns(shown: readonly BoardColumn[], fresh: readonly BoardColumn[], pendingIds: ReadonlySet<string>): BoardColumn[] {
  const freshVersions = new Map(fresh.flatMap((column) => column.cards.map((card) => [card.id, card.version] as const)));
  const onFreshPages = new Set(freshVersions.keys());
  const merged = fresh.map((column) => withCardsLoadedFurther(column, shown.find((candidate) => candidate.stage === column.stage), onFreshPages));
  const keptHere = shown
    .flatMap((column) => column.cards)
    .filter((card) => pendingIds.has(card.id) || card.version > (freshVersions.get(card.id) ?? Number.POSITIVE_INFINITY));
  return keptHere.reduce(placeCard, merged);
}
