"use client";

import { useEffect, useId, useRef } from "react";
import { DEFAULT_PRESET, presetLabel } from "@/lib/core/metrics/date-range";
import type { DashboardView, SegmentField } from "./dashboard-query";
import { SEGMENT_FIELDS } from "./dashboard-query";
import { formatRange } from "./format";

/** One segment filter as the filters bar offers it: its name, what "any" reads as, and its choices. */
export type Segment = { field: SegmentField; label: string; any: string; options: { value: string; label: string }[] };

type Chip = { key: string; label: string; without: Partial<DashboardView> };

const NO_SEGMENT = Object.fromEntries(SEGMENT_FIELDS.map((field) => [field, undefined])) as Partial<DashboardView>;

function chipsOf(view: DashboardView, segments: readonly Segment[]): Chip[] {
  const chips: Chip[] = [];
  if (view.preset !== DEFAULT_PRESET) {
    const label = view.preset === null ? formatRange(view) : presetLabel(view.preset);
    chips.push({ key: "range", label: `Dates: ${label}`, without: { preset: DEFAULT_PRESET } });
  }
  for (const segment of segments) {
    const value = view[segment.field];
    if (!value) continue;
    const shown = segment.options.find((option) => option.value === value)?.label ?? value;
    chips.push({ key: segment.field, label: `${segment.label}: ${shown}`, without: { [segment.field]: undefined } });
  }
  return chips;
}

type Props = {
  view: DashboardView;
  segments: readonly Segment[];
  onChange: (next: Partial<DashboardView>) => void;
  /** Where focus goes when the last chip is gone. */
  fallbackFocus: () => HTMLElement | null;
};

/** The filters in force as chips: each removes its own filter, and "Clear all" goes back to the last 90 days of every lead. */
export function AppliedFilters({ view, segments, onChange, fallbackFocus }: Props) {
  const chips = chipsOf(view, segments);
  const labelId = useId();
  const list = useRef<HTMLUListElement>(null);
  const fallback = useRef(fallbackFocus);
  // The chip a removal took away: once the page shows the new filters, focus moves to the chip in its place.
  const removedAt = useRef<number | null>(null);
  const shown = chips.map((chip) => chip.key).join("|");

  useEffect(() => {
    fallback.current = fallbackFocus;
  });
  useEffect(() => {
    const index = removedAt.current;
    if (index === null) return;
    removedAt.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-chip]") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? fallback.current())?.focus();
  }, [shown]);

  if (chips.length === 0) return null;

  const remove = (index: number, without: Partial<DashboardView>) => {
    removedAt.current = index;
    onChange(without);
  };

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span id={labelId} className="text-slate-600">
        Filtered by
      </span>
      <ul ref={list} aria-labelledby={labelId} className="flex flex-wrap gap-2">
        {chips.map((chip, index) => (
          <li key={chip.key}>
            <button
              type="button"
              data-chip
              onClick={() => remove(index, chip.without)}
              className="inline-flex items-center gap-1.5 rounded-full border border-brand-100 bg-brand-50 py-0.5 pl-3 pr-2 text-brand-700 hover:bg-brand-100"
            >
              <span className="sr-only">Remove filter </span>
              {chip.label}
              <span aria-hidden="true" className="text-base leading-none">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => remove(chips.length, { preset: DEFAULT_PRESET, ...NO_SEGMENT })} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        Clear all
      </button>
    </div>
  );
}
