import "server-only";
import { validationError } from "./api-route";

/** A place in a list the API pages through: a time (ms) and an id, the list's order. */
export type Cursor = { at: number; id: string };

/** The cursor as the opaque string a page's `nextCursor` gives. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

/** The cursor a `nextCursor` string stands for; anything else is a validation error on `cursor`. */
export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "number" && Number.isFinite(at) && typeof id === "string") return { at, id };
  } catch {
    // falls through to the error below
  }
  throw validationError({ cursor: "Not a cursor this API returned." });
}
