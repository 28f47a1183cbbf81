"use client";

import type { FormEvent } from "react";
import type { LeadColumnId, LeadTableFilters } from "@/lib/core/lead-table";
import { activeFilterCount } from "@/lib/core/lead-table";
import type { Stage } from "@/lib/core/stages";
import { STAGES, STAGE_LABELS } from "@/lib/core/stages";
import { Button } from "@/components/ui/button";
import { ColumnsMenu } from "./columns-menu";

type Props = {
  filters: LeadTableFilters;
  columns: LeadColumnId[];
  filtersOpen: boolean;
  onToggleFilters: () => void;
  onFilters: (filters: Partial<LeadTableFilters>) => void;
  onColumns: (columns: LeadColumnId[]) => void;
};

/** Search, the stage chips, and the buttons that open the other filters and the column chooser. */
export function TableToolbar({ filters, columns, filtersOpen, onToggleFilters, onFilters, onColumns }: Props) {
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get("q");
    onFilters({ search: typeof value === "string" && value.trim() ? value.trim() : null });
  };
  const toggleStage = (stage: Stage) => {
    const stages = filters.stages.includes(stage) ? filters.stages.filter((candidate) => candidate !== stage) : [...filters.stages, stage];
    onFilters({ stages });
  };
  const others = activeFilterCount({ ...filters, stages: [], search: null });

  return (
    <div className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
      <form role="search" onSubmit={search} className="flex items-center gap-2">
        <label htmlFor="lead-search" className="sr-only">
          Search leads by name, e-mail or company
        </label>
        <input
          id="lead-search"
          key={filters.search ?? ""}
          name="q"
          type="search"
          defaultValue={filters.search ?? ""}
          placeholder="Search name, e-mail, company"
          className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <div role="group" aria-label="Stages" className="flex flex-wrap gap-1">
        {STAGES.map((stage) => {
          const on = filters.stages.includes(stage);
          return (
            <button
              key={stage}
              type="button"
              aria-pressed={on}
              title={STAGE_LABELS[stage]}
              onClick={() => toggleStage(stage)}
              className={`rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {stage}
            </button>
          );
        })}
      </div>
      <div className="ml-auto flex items-center gap-2">
        <Button variant="secondary" aria-expanded={filtersOpen} aria-controls="lead-filters" onClick={onToggleFilters}>
          Filters{others > 0 && <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">{others}</span>}
        </Button>
        <ColumnsMenu columns={columns} onChange={onColumns} />
      </div>
    </div>
  );
}
