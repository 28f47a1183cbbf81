"use client";

/** A named group of checkboxes in a disclosure, for filters with many values (sources, countries). */
export function ChoiceList({ legend, name, options, selected }: { legend: string; name: string; options: string[]; selected: string[] }) {
  const chosen = selected.length === 0 ? "any" : selected.length === 1 ? selected[0] : `${selected.length} selected`;
  return (
    <details className="group rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer list-none px-3 py-2 text-sm">
        <span className="font-medium text-slate-700">{legend}</span>: <span className="text-slate-600">{chosen}</span>
      </summary>
      <fieldset className="max-h-48 overflow-auto border-t border-slate-200 px-3 py-2">
        <legend className="sr-only">{legend}</legend>
        {options.length === 0 && <p className="text-sm text-slate-500">No values yet.</p>}
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 py-0.5 text-sm text-slate-700">
            <input type="checkbox" name={name} value={option} defaultChecked={selected.includes(option)} className="size-4 rounded border-slate-300" />
            {option}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
