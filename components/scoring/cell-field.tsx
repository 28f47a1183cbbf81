import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useId } from "react";

// One input of a rule row. On wide screens the section's column headings name the inputs for
// sighted users, so the label is there for screen readers only; on narrow screens, where the
// row wraps and the headings are hidden, it shows.

type Common = { label: string; error?: string; className?: string };

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500 aria-invalid:bg-red-50/40";

function Cell({ id, label, error, className, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 ${className ?? ""}`}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600 lg:sr-only">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** `mono` for what is typed as code: event types, property names, patterns. */
export function CellInput({ label, error, className, mono = false, ...props }: Common & { mono?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Cell id={id} label={label} error={error} className={className}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={`${control} ${mono ? "font-mono" : ""}`} {...props} />
    </Cell>
  );
}

export function CellSelect({ label, error, className, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Cell id={id} label={label} error={error} className={className}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={control} {...props}>
        {children}
      </select>
    </Cell>
  );
}
