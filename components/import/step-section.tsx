"use client";

import type { ReactNode } from "react";
import { useEffect, useId, useRef } from "react";

type Props = { title: string; description?: ReactNode; focusOnMount?: boolean; children: ReactNode };

/**
 * One step of the import. Its heading takes focus when the step replaces another, so keyboard
 * and screen-reader users land on the new step instead of on a control that no longer exists.
 */
export function StepSection({ title, description, focusOnMount = true, children }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-6 py-4">
        <h2 id={id} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
          {title}
        </h2>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      </header>
      <div className="px-6 py-5">{children}</div>
    </section>
  );
}
