import type { ReactNode } from "react";

type Props = { id: string; title: string; summary?: ReactNode; children: ReactNode };

/** One titled panel of the lead page; the heading names the region for screen readers. */
export function SectionCard({ id, title, summary, children }: Props) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-slate-100 px-5 py-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {summary && <div className="text-xs text-slate-500">{summary}</div>}
      </header>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
