/*
 * The page cursor of the app's own lists (a board column, a lead's timeline): the sort value of
 * the last row shown and its id, as "value:id", "none" standing for a row without a value. Each
 * list checks that the value is one its sort can hold. The API's lead list keeps its own opaque
 * format: its clients hold cursors across releases.
 */

/** Where a page ended: the last row's sort value (null: it has none) and its id. */
export type KeysetPosition = { value: number | null; id: string };

export function encodeKeysetCursor(position: KeysetPosition): string {
  return `${position.value ?? "none"}:${position.id}`;
}

/** The position a cursor names, or null when the text is not a cursor. */
export function decodeKeysetCursor(text: string): KeysetPosition | null {
  const match = /^(none|-?\d+(?:\.\d+)?(?:e-?\d+)?):([\w-]+)$/.exec(text);
  if (!match) return null;
  return { value: match[1] === "none" ? null : Number(match[1]), id: match[2] };
}
