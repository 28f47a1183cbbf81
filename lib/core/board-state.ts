import type { BoardCard, BoardColumn, BoardSort } from "./board";
import { cardPosition, comparePositions, decodeCursor } from "./board";
import { encodeKeysetCursor } from "./keyset-cursor";

/** The board's order of cards, as the server pages it: by the sort's value, highest first, ties by id. */
export function compareCards(sort: BoardSort): (a: BoardCard, b: BoardCard) => number {
  return (a, b) => comparePositions(cardPosition(a, sort), cardPosition(b, sort));
}

/**
 * Puts a card where its stage says: out of whichever column holds it, into its stage's
 * column in the board's order, keeping the counts right. A stage not on the board only loses it.
 */
export function placeCard(columns: readonly BoardColumn[], card: BoardCard, sort: BoardSort): BoardColumn[] {
  return columns.map((column) => {
    const had = column.cards.some((existing) => existing.id === card.id);
    let cards = had ? column.cards.filter((existing) => existing.id !== card.id) : column.cards;
    let count = had ? column.count - 1 : column.count;
    if (column.stage === card.stage) {
      cards = [...cards, card].sort(compareCards(sort));
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
function withCardsLoadedFurther(fresh: BoardColumn, shown: BoardColumn | undefined, onFreshPages: ReadonlySet<string>, sort: BoardSort): BoardColumn {
  const lastFresh = fresh.cards.at(-1);
  const freshCursor = fresh.nextCursor ? decodeCursor(fresh.nextCursor, sort) : null;
  // Without a next page the server sent the whole column: nothing else belongs in it.
  if (!shown || !lastFresh || !freshCursor) return fresh;
  const order = compareCards(sort);
  const further = shown.cards.filter((card) => !onFreshPages.has(card.id) && order(card, lastFresh) > 0).sort(order);
  const lastShown = shown.cards.at(-1);
  const loadedTo = shown.nextCursor ? decodeCursor(shown.nextCursor, sort) : lastShown && cardPosition(lastShown, sort);
  const nextCursor = loadedTo && comparePositions(loadedTo, freshCursor) > 0 ? encodeKeysetCursor(loadedTo) : fresh.nextCursor;
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
export function adoptServerColumns(shown: readonly BoardColumn[], fresh: readonly BoardColumn[], pendingIds: ReadonlySet<string>, sort: BoardSort): BoardColumn[] {
  const freshVersions = new Map(fresh.flatMap((column) => column.cards.map((card) => [card.id, card.version] as const)));
  const onFreshPages = new Set(freshVersions.keys());
  const merged = fresh.map((column) => withCardsLoadedFurther(column, shown.find((candidate) => candidate.stage === column.stage), onFreshPages, sort));
  const keptHere = shown
    .flatMap((column) => column.cards)
    .filter((card) => pendingIds.has(card.id) || card.version > (freshVersions.get(card.id) ?? Number.POSITIVE_INFINITY));
  return keptHere.reduce((columns, card) => placeCard(columns, card, sort), merged);
}
