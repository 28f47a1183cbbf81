import type { ReactNode } from "react";

export const TOOLTIP_STYLE = { borderRadius: 8, borderColor: "#e2e8f0", fontSize: 13, boxShadow: "0 4px 12px rgb(15 23 42 / 0.08)" };

/** The fixed-height box a responsive chart fills. */
export function ChartFrame({ height = 288, children }: { height?: number; children: ReactNode }) {
  return (
    <div className="w-full" style={{ height }}>
      {children}
    </div>
  );
}

/** A legend entry drawn in HTML, so it wraps and reads like text. */
export function LegendItem({ color, label }: { color: string; label: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: color }} />
      {label}
    </li>
  );
}

export function Legend({ children }: { children: ReactNode }) {
  return <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">{children}</ul>;
}
