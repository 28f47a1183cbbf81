import { sameOriginPath } from "./safe-redirect";

/*
 * The lead page's "Back" link returns to the list the user opened the lead from, with that list's
 * filters: the list's path and query ride along in the lead's URL as `from`. A URL can be shared or
 * tampered with, so `from` is trusted only as a relative path on this site, to one of the lists.
 */

export type BackLink = { href: string; label: string };

const LISTS: Record<string, string> = {
  "/leads": "Back to the leads",
  "/board": "Back to the board",
  "/queue": "Back to the sales queue",
  "/review": "Back to the MQL review",
};

export const DEFAULT_BACK_LINK: BackLink = { href: "/board", label: LISTS["/board"] };

// Only a relative path is accepted, so any origin resolves it the same; this one never answers.
const ANY_ORIGIN = "https://leadgate.invalid";

/** The lead page's address, remembering the list (path and query) it was opened from. */
export function leadPageHref(leadId: string, from: string): string {
  return `/leads/${encodeURIComponent(leadId)}?${new URLSearchParams({ from })}`;
}

/** Where "Back" goes: the list named by `from`, filters and all, or the board for anything else. */
export function backLinkFor(from: unknown): BackLink {
  const path = sameOriginPath(from, ANY_ORIGIN);
  if (path === null) return DEFAULT_BACK_LINK;
  const url = new URL(path, ANY_ORIGIN);
  const label = Object.hasOwn(LISTS, url.pathname) ? LISTS[url.pathname] : null;
  return label ? { href: url.pathname + url.search, label } : DEFAULT_BACK_LINK;
}
