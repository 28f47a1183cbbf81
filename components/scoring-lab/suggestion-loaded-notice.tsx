"use client";

import { useEffect, useRef } from "react";

/** Above the editor once suggested points are loaded into it: where the focus goes, and what to do next. */
export function SuggestionLoadedNotice({ activeVersion, nextVersion }: { activeVersion: number; nextVersion: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="suggestion-loaded-heading" className="rounded-xl border border-brand-100 bg-brand-50 px-5 py-4" data-testid="suggestion-loaded">
      <h2 id="suggestion-loaded-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
        Suggested points loaded into the editor
      </h2>
      <p className="mt-0.5 text-sm text-slate-700">
        They are an unsaved draft, learned from your older leads and judged on the newest. Review and change them below, then save them as v{nextVersion}; every lead is
        re-scored. Discard changes goes back to v{activeVersion}.
      </p>
    </section>
  );
}
