// Browsers read `\` as `/` and drop tabs and newlines inside a URL, so `/\evil.example` and
// `/\t/evil.example` both mean `//evil.example`: another site. Any of these in a return
// address (raw, or once decoded by a later hop) makes it untrustworthy.
const AMBIGUOUS = /[\u0000-\u001f\u007f\\]/;

/**
 * The path (with query and fragment) a callback or return address points to, if it stays on
 * `origin`; null for anything else (absolute URLs, `//host`, `javascript:`, smuggled slashes).
 */
export function sameOriginPath(target: unknown, origin: string): string | null {
  if (typeof target !== "string" || !target.startsWith("/") || AMBIGUOUS.test(target)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return null;
  }
  // `/%2F/evil` or `/%5Cevil` is harmless here but becomes `//evil` if anything decodes it again.
  if (decoded.startsWith("//") || AMBIGUOUS.test(decoded)) return null;
  const base = new URL(origin);
  const url = new URL(target, base);
  if (url.origin !== base.origin) return null;
  return url.pathname + url.search + url.hash;
}
