"use client";

import { useId, useState } from "react";

/**
 * A "?" button whose tooltip defines a figure. The definition is the button's description, so a
 * screen reader reads it on focus; it shows on hover and keyboard focus, and Escape hides it
 * (WCAG 1.4.13). The tooltip is placed against the nearest positioned ancestor, e.g. the tile.
 */
export function DefinitionTip({ term, definition }: { term: string; definition: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-label={`What counts as ${term}`}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className="inline-flex size-4 items-center justify-center rounded-full border border-slate-400 text-[10px] font-semibold leading-none text-slate-600 hover:border-slate-600 hover:text-slate-900"
      >
        ?
      </button>
      <span
        id={id}
        role="tooltip"
        className={`${open ? "block" : "hidden"} absolute inset-x-2 top-full z-20 mt-1 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal leading-snug text-white shadow-lg`}
      >
        {definition}
      </span>
    </span>
  );
}
