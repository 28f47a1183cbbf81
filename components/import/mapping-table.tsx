"use client";

import { useId } from "react";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import { REQUIRED_FIELDS, TARGET_FIELDS, extraFieldName, extraTarget } from "@/lib/core/csv-import";

type Props = {
  kind: ImportKind;
  headers: readonly string[];
  mapping: ColumnMapping;
  examples: readonly string[];
  onChange: (column: number, target: string | null) => void;
};

const DONT_IMPORT = "";

/** Each CSV column beside the field it fills; required fields carry a * in the choices. */
export function MappingTable({ kind, headers, mapping, examples, onChange }: Props) {
  const id = useId();
  const chosen = new Set(mapping);
  const requiredKeys = new Set(REQUIRED_FIELDS[kind].flatMap((field) => field.keys));
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span id={`${id}-required`} className="font-medium text-slate-500">
          Required
        </span>
        <ul aria-labelledby={`${id}-required`} className="flex flex-wrap gap-2">
          {REQUIRED_FIELDS[kind].map((field) => {
            const mapped = field.keys.some((key) => chosen.has(key));
            return (
              <li key={field.label} className={`rounded-full px-2.5 py-1 font-medium ${mapped ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}>
                <span aria-hidden="true">{mapped ? "✓ " : "* "}</span>
                {field.label} {mapped ? <span className="sr-only">mapped</span> : <span>— not mapped yet</span>}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Column in your file</th>
              <th scope="col" className="px-4 py-2 font-medium">Example</th>
              <th scope="col" className="px-4 py-2 font-medium">Import as</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {headers.map((header, column) => {
              const extra = extraTarget(kind, header, column);
              return (
                <tr key={column} data-testid="mapping-row" className={mapping[column] ? "" : "text-slate-500"}>
                  <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                    {header}
                  </th>
                  <td className="max-w-[16rem] truncate px-4 py-2 text-slate-600" title={examples[column]}>
                    {examples[column] || <span className="text-slate-400">(empty)</span>}
                  </td>
                  <td className="px-4 py-2">
                    <select
                      aria-label={`Import column ${header} as`}
                      value={mapping[column] ?? DONT_IMPORT}
                      onChange={(event) => onChange(column, event.target.value === DONT_IMPORT ? null : event.target.value)}
                      className="w-full min-w-[13rem] rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
                    >
                      <option value={DONT_IMPORT}>Don&apos;t import</option>
                      <optgroup label={kind === "events" ? "Event fields (* required)" : "Lead fields (* required)"}>
                        {TARGET_FIELDS[kind].map((field) => (
                          <option key={field.key} value={field.key}>
                            {field.label}
                            {requiredKeys.has(field.key) ? " *" : ""}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Keep as">
                        <option value={extra}>
                          {kind === "events" ? "Event property" : "Custom field"} “{extraFieldName(header, column)}”
                        </option>
                      </optgroup>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
