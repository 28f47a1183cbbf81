import type { ReactNode } from "react";

type Props = { id: string; title: string; description: ReactNode; children: ReactNode };

/** One of the lab's panels: a titled card of its own. */
export function LabPanel({ id, title, description, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid={id}>
      <header className="border-b border-slate-100 px-5 py-4">
        <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        <div className="mt-0.5 max-w-3xl text-sm text-slate-600">{description}</div>
      </header>
      <div className="space-y-4 px-5 py-4">{children}</div>
    </section>
  );
}
