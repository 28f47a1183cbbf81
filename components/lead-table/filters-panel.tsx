"use client";

import type { FormEvent } from "react";
import type { DayRange, LeadTableFilters, NumberRange } from "@/lib/core/lead-table";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import type { UserOption } from "@/lib/server/reference-data";
import type { FilterOptions } from "@/lib/server/lead-table";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "./choice-list";

type Props = { filters: LeadTableFilters; owners: UserOption[]; options: FilterOptions; onApply: (filters: Partial<LeadTableFilters>) => void; onClose: () => void };

const inputClass = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

function numberOrNull(value: FormDataEntryValue | null): number | null {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" || Number.isNaN(Number(text)) ? null : Math.trunc(Number(text));
}

function dayOrNull(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && value ? value : null;
}

function RangeInputs({ legend, name, range }: { legend: string; name: string; range: NumberRange }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex items-center gap-2">
        <input type="number" name={`${name}Min`} aria-label={`${legend} from`} placeholder="from" defaultValue={range.min ?? ""} className={inputClass} />
        <span aria-hidden="true">–</span>
        <input type="number" name={`${name}Max`} aria-label={`${legend} to`} placeholder="to" defaultValue={range.max ?? ""} className={inputClass} />
      </div>
    </fieldset>
  );
}

function DayInputs({ legend, name, range }: { legend: string; name: string; range: DayRange }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex items-center gap-2">
        <input type="date" name={`${name}From`} aria-label={`${legend} from`} defaultValue={range.from ?? ""} className={inputClass} />
        <span aria-hidden="true">–</span>
        <input type="date" name={`${name}To`} aria-label={`${legend} to`} defaultValue={range.to ?? ""} className={inputClass} />
      </div>
    </fieldset>
  );
}

/** Every filter the table has beyond search and stage; applied together with "Apply filters". */
export function FiltersPanel({ filters, owners, options, onApply, onClose }: Props) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const strings = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
    const owner = form.get("owner");
    onApply({
      owner: typeof owner === "string" && owner ? owner : null,
      overdue: form.get("overdue") === "on",
      score: { min: numberOrNull(form.get("scoreMin")), max: numberOrNull(form.get("scoreMax")) },
      fit: { min: numberOrNull(form.get("fitMin")), max: numberOrNull(form.get("fitMax")) },
      sources: strings("source"),
      industries: strings("industry"),
      countries: strings("country"),
      created: { from: dayOrNull(form.get("createdFrom")), to: dayOrNull(form.get("createdTo")) },
      updated: { from: dayOrNull(form.get("updatedFrom")), to: dayOrNull(form.get("updatedTo")) },
      stageEntered: { from: dayOrNull(form.get("enteredFrom")), to: dayOrNull(form.get("enteredTo")) },
    });
  };

  // Search and stages live in the toolbar; clearing the panel leaves them as they are.
  const clear = () => onApply({ ...EMPTY_FILTERS, stages: filters.stages, search: filters.search });

  return (
    <form onSubmit={submit} aria-label="Filters" className="border-b border-slate-200 bg-slate-50 px-4 py-4 sm:px-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="text-sm font-medium text-slate-700">
          Owner
          <select name="owner" defaultValue={filters.owner ?? ""} className={`mt-1 ${inputClass}`}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
        <RangeInputs legend="Score" name="score" range={filters.score} />
        <RangeInputs legend="Fit" name="fit" range={filters.fit} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="overdue" defaultChecked={filters.overdue} className="size-4 rounded border-slate-300" />
          Only MQLs past the response SLA
        </label>
        <ChoiceList legend="Source" name="source" options={options.sources} selected={filters.sources} />
        <ChoiceList legend="Industry" name="industry" options={options.industries} selected={filters.industries} />
        <ChoiceList legend="Country" name="country" options={options.countries} selected={filters.countries} />
        <div />
        <DayInputs legend="Created" name="created" range={filters.created} />
        <DayInputs legend="Updated" name="updated" range={filters.updated} />
        <DayInputs legend="In stage since" name="entered" range={filters.stageEntered} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="secondary" onClick={clear}>
          Clear these filters
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Close
        </Button>
        <p className="text-xs text-slate-500">Dates are whole days in UTC, both ends included.</p>
      </div>
    </form>
  );
}
