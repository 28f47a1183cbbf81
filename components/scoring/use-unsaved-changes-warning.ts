"use client";

import { useEffect } from "react";

/** What the browser's own dialog asks before a link leaves the page with unsaved rules. */
const LEAVE_QUESTION = "Leave this page? Your changes to the scoring rules are not saved and will be lost.";

/** A click that would take the browser to another page of this app: a plain left click on a same-origin link. */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
  if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) return null;
  const to = new URL(link.href, window.location.href);
  if (to.origin !== window.location.origin) return null;
  // A link to a part of this same page doesn't leave it.
  if (to.pathname === window.location.pathname && to.search === window.location.search && to.hash) return null;
  return link;
}

/**
 * Asks before unsaved edits are lost: the browser's own prompt on reload or close, and a
 * confirmation on links within the app. The App Router has no navigation events to hook, so
 * clicks on links are caught on their way down (capture phase, on the document), before
 * next/link's handler sees them; "Stay" stops the click there.
 */
export function useUnsavedChangesWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warnOnUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const confirmLeaving = (event: MouseEvent) => {
      if (!leavingLink(event) || window.confirm(LEAVE_QUESTION)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warnOnUnload);
    document.addEventListener("click", confirmLeaving, true);
    return () => {
      window.removeEventListener("beforeunload", warnOnUnload);
      document.removeEventListener("click", confirmLeaving, true);
    };
  }, [dirty]);
}
