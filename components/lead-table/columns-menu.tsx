"use client";

import { useEffect, useRef, useState } from "react";
import type { LeadColumnId } from "@/lib/core/lead-table";
import { DEFAULT_VISIBLE_COLUMNS, LEAD_TABLE_COLUMNS } from "@/lib/core/lead-table";

type Props = { columns: LeadColumnId[]; onChange: (columns: LeadColumnId[]) => void };

const smallButton = "rounded px-1.5 text-slate-600 hover:bg-slate-100 disabled:text-slate-300";

/** Which columns show, and in what order: shown ones first in their order, then the hidden ones. */
export function ColumnsMenu({ columns: fromUrl, onChange: navigate }: Props) {
  // Ticks show at once; the table follows when the new URL has loaded.
  const [columns, setColumns] = useState(fromUrl);
  const [loaded, setLoaded] = useState(fromUrl.join(","));
  if (fromUrl.join(",") !== loaded) {
    setLoaded(fromUrl.join(","));
    setColumns(fromUrl);
  }
  const onChange = (next: LeadColumnId[]) => {
    setColumns(next);
    navigate(next);
  };
  const menu = useRef<HTMLDetailsElement>(null);
  // A popover closes on Escape or a click elsewhere, which a bare <details> does not.
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(event.target as Node)) menu.current.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);
  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  };
  const hidden = LEAD_TABLE_COLUMNS.map((column) => column.id).filter((id) => !columns.includes(id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const label = (id: LeadColumnId) => LEAD_TABLE_COLUMNS.find((column) => column.id === id)?.label ?? id;

  return (
    <details ref={menu} className="relative" onKeyDown={closeOnEscape}>
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Columns
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <fieldset>
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Shown, in order</legend>
          <ul className="mt-1">
            {columns.map((id, index) => (
              <li key={id} className="flex items-center gap-2 py-0.5 text-sm">
                <label className="flex flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked
                    disabled={columns.length === 1}
                    onChange={() => onChange(columns.filter((column) => column !== id))}
                    className="size-4 rounded border-slate-300"
                  />
                  {label(id)}
                </label>
                <button type="button" className={smallButton} onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move ${label(id)} earlier`}>
                  ↑
                </button>
                <button type="button" className={smallButton} onClick={() => move(index, 1)} disabled={index === columns.length - 1} aria-label={`Move ${label(id)} later`}>
                  ↓
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        {hidden.length > 0 && (
          <fieldset className="mt-3">
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Hidden</legend>
            <ul className="mt-1">
              {hidden.map((id) => (
                <li key={id} className="py-0.5 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={false} onChange={() => onChange([...columns, id])} className="size-4 rounded border-slate-300" />
                    {label(id)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <button type="button" className="mt-3 text-sm font-medium text-brand-700 hover:underline" onClick={() => onChange([...DEFAULT_VISIBLE_COLUMNS])}>
          Reset columns
        </button>
      </div>
    </details>
  );
}
