import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The "Add" button's id, where the focus goes after a rule is removed. */
export const addButtonId = (sectionId: string) => `${sectionId}-add`;

type SectionProps = {
  id: string;
  title: string;
  description: string;
  /** Column headings over the rows on wide screens; the inputs carry their own labels. */
  columns: readonly string[];
  grid: string;
  addLabel: string;
  onAdd: () => void;
  empty: string;
  errors: readonly string[];
  children: ReactNode[];
};

/** One kind of rule (fit, engagement, disqualifying) as an editable list. */
export function RuleSection({ id, title, description, columns, grid, addLabel, onAdd, empty, errors, children }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title} <span className="ml-1 text-sm font-normal text-slate-500">({children.length})</span>
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </header>
      {errors.map((error) => (
        <p key={error} role="alert" className="mx-5 mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ))}
      {children.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">{empty}</p>
      ) : (
        <>
          <div aria-hidden="true" className={`hidden gap-2 border-b border-slate-100 bg-slate-50 px-5 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 lg:grid ${grid}`}>
            {columns.map((column, index) => (
              <span key={`${column}-${index}`}>{column}</span>
            ))}
          </div>
          <ol className="divide-y divide-slate-100">{children}</ol>
        </>
      )}
      <div className="border-t border-slate-100 px-5 py-3">
        <Button id={addButtonId(id)} type="button" variant="secondary" onClick={onAdd}>
          <span aria-hidden="true">+</span> {addLabel}
        </Button>
      </div>
    </section>
  );
}

type RowProps = { legend: string; grid: string; removeLabel: string; onRemove: () => void; errors: readonly string[]; children: ReactNode };

/** One rule: its inputs side by side, and a remove button (nothing is saved until Save), kept at the end of the first line. */
export function RuleRow({ legend, grid, removeLabel, onRemove, errors, children }: RowProps) {
  return (
    <li className="px-5 py-3">
      <fieldset className={`grid items-start gap-2 sm:grid-cols-2 ${grid}`}>
        <legend className="sr-only">{legend}</legend>
        {children}
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel}
          title="Remove this rule"
          className="mt-0.5 inline-flex size-8 items-center justify-center justify-self-end rounded-md sm:col-span-2 lg:[grid-column:-2/-1] lg:[grid-row-start:1] text-slate-400 hover:bg-red-50 hover:text-red-700"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M8 2a1 1 0 0 0-1 1v1H4a1 1 0 0 0 0 2h.1l.8 10.1A2 2 0 0 0 6.9 18h6.2a2 2 0 0 0 2-1.9L15.9 6h.1a1 1 0 1 0 0-2h-3V3a1 1 0 0 0-1-1H8Zm1 2V4h2v0H9Zm-1 4a1 1 0 0 1 1 1v5a1 1 0 1 1-2 0V9a1 1 0 0 1 1-1Zm4 0a1 1 0 0 1 1 1v5a1 1 0 1 1-2 0V9a1 1 0 0 1 1-1Z" />
          </svg>
        </button>
      </fieldset>
      {errors.map((error) => (
        <p key={error} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ))}
    </li>
  );
}
