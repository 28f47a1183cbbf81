/*
 * JSON kept in a text column (custom fields, event properties, score flags, checklists) outlives
 * the code that wrote it: what does not parse reads as a fallback, never as a broken page.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The stored value, or `fallback` when there is none or it is not JSON. */
export function parseStoredJson(text: string | null, fallback: unknown = null): unknown {
  if (text === null) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** A stored JSON object; anything else (no value, bad JSON, a list, a number) reads as {}. */
export function parseStoredObject(text: string | null): Record<string, unknown> {
  // Most events carry no properties: no need to run the parser for those.
  if (text === "{}") return {};
  const value = parseStoredJson(text);
  return isPlainObject(value) ? value : {};
}
