"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, useTransition } from "react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { RangePreset } from "@/lib/core/metrics/date-range";
import { RANGE_PRESETS } from "@/lib/core/metrics/date-range";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import type { FilterOptions } from "@/lib/views/leads";
import type { UserOption } from "@/lib/views/settings";
import type { Segment } from "./applied-filters";
import { AppliedFilters } from "./applied-filters";
import type { DashboardView, FilterErrors } from "./dashboard-query";
import { dashboardHref, withCyclePair } from "./dashboard-query";

type Props = { filters: DashboardFilters; preset: RangePreset | null; errors: FilterErrors; options: FilterOptions; owners: UserOption[] };
type Option = Segment["options"][number];

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500";

function Field({ label, error, children }: { label: string; error?: string; children: (ids: { id: string; errorId?: string }) => ReactNode }) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children({ id, errorId })}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

const asOptions = (values: string[]): Option[] => values.map((value) => ({ value, label: value }));

/** The date range and the segment; every choice is in the URL, so a view can be shared. */
export function DashboardFiltersBar({ filters, preset, errors, options, owners }: Props) {
  const router = useRouter();
  const current = useSearchParams();
  const [pending, startTransition] = useTransition();
  const rangeErrorId = useId();
  const root = useRef<HTMLDivElement>(null);
  const view: DashboardView = { ...filters, preset };

  const go = (next: Partial<DashboardView>) => startTransition(() => router.push(withCyclePair(dashboardHref({ ...view, ...next }), current)));

  const segments: Segment[] = [
    { field: "source", label: "Source", any: "All sources", options: asOptions(options.sources) },
    {
      field: "owner",
      label: "Owner",
      any: "Anyone",
      options: [{ value: "unassigned", label: "Unassigned" }, ...owners.map((owner) => ({ value: owner.id, label: owner.name }))],
    },
    { field: "industry", label: "Industry", any: "All industries", options: asOptions(options.industries) },
    { field: "country", label: "Country", any: "All countries", options: asOptions(options.countries) },
    { field: "companySize", label: "Company size", any: "Any size", options: COMPANY_SIZE_BANDS.map((band) => ({ value: band.id, label: band.label })) },
  ];

  return (
    <div ref={root} className="space-y-2">
      <form
        role="search"
        aria-label="Dashboard filters"
        key={dashboardHref(view)}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          go({ preset: null, from: String(form.get("from")), to: String(form.get("to")) });
        }}
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex flex-wrap items-end gap-3">
          <div role="group" aria-label="Date range presets" aria-describedby={errors.range ? rangeErrorId : undefined} className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
            {RANGE_PRESETS.map((option) => (
              <button
                key={option.id}
                type="button"
                aria-pressed={preset === option.id}
                onClick={() => go({ preset: option.id })}
                className={`rounded px-3 py-1 text-sm font-medium ${preset === option.id ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {option.label}
              </button>
            ))}
          </div>
          {errors.range && (
            <p id={rangeErrorId} className="basis-full text-xs text-red-700">
              {errors.range}
            </p>
          )}
          <Field label="From" error={errors.from}>
            {({ id, errorId }) => <input id={id} name="from" type="date" required defaultValue={filters.from} aria-invalid={errors.from ? true : undefined} aria-describedby={errorId} className={controlClass} />}
          </Field>
          <Field label="To" error={errors.to}>
            {({ id, errorId }) => <input id={id} name="to" type="date" required defaultValue={filters.to} aria-invalid={errors.to ? true : undefined} aria-describedby={errorId} className={controlClass} />}
          </Field>
          <Button type="submit" variant="secondary">
            Apply dates
          </Button>
          <p role="status" className="pb-2 text-sm text-slate-500">
            {pending ? "Updating…" : ""}
          </p>
        </div>
        <div className="grid grid-cols-2 items-start gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {segments.map((segment) => {
            const value = filters[segment.field] ?? "";
            const choices = value && !segment.options.some((option) => option.value === value) ? [...segment.options, { value, label: value }] : segment.options;
            return (
              <Field key={segment.field} label={segment.label} error={errors[segment.field]}>
                {({ id, errorId }) => (
                  <select
                    id={id}
                    name={segment.field}
                    defaultValue={value}
                    aria-invalid={errors[segment.field] ? true : undefined}
                    aria-describedby={errorId}
                    onChange={(event) => go({ [segment.field]: event.target.value || undefined } as Partial<DashboardView>)}
                    className={controlClass}
                  >
                    <option value="">{segment.any}</option>
                    {choices.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          })}
        </div>
      </form>
      <AppliedFilters view={view} segments={segments} onChange={go} fallbackFocus={() => root.current?.querySelector<HTMLElement>('[aria-pressed="true"]') ?? null} />
    </div>
  );
}
