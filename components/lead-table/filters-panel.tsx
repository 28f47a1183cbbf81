"use client";

import type { FormEvent } from "react";
import { useState } from "react";
import type { DayRange, LeadTableFilters, NumberRange, ReachedFilter } from "@/lib/core/lead-table";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import type { CompanySizeBand } from "@/lib/core/metrics/segment";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import { STAGES, STAGE_LABELS, isStage } from "@/lib/core/stages";
import type { FilterOptions } from "@/lib/views/leads";
import type { UserOption } from "@/lib/views/settings";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "./choice-list";

type Props = { filters: LeadTableFilters; owners: UserOption[]; options: FilterOptions; onApply: (filters: Partial<LeadTableFilters>) => void; onClose: () => void };

const inputClass = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

function numberOrNull(value: FormDataEntryValue | null): number | null {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" || Number.isNaN(Number(text)) ? null : Math.trunc(Number(text));
}

function dayOrNull(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && value ? value : null;
}

type RangeProps = { legend: string; name: string; range: NumberRange; limits?: { min: number; max: number }; hint?: string };

function RangeInputs({ legend, name, range, limits, hint }: RangeProps) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex items-center gap-2">
        <input type="number" name={`${name}Min`} aria-label={`${legend} from`} placeholder="from" {...limits} defaultValue={range.min ?? ""} className={inputClass} />
        <span aria-hidden="true">–</span>
        <input type="number" name={`${name}Max`} aria-label={`${legend} to`} placeholder="to" {...limits} defaultValue={range.max ?? ""} className={inputClass} />
      </div>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
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

/** The stage chooser enables the days, so days are never sent without the stage they belong to. */
function ReachedInputs({ reached }: { reached: ReachedFilter | null }) {
  const [stage, setStage] = useState<string>(reached?.stage ?? "");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Reached stage</legend>
      <select name="reached" aria-label="Reached stage" value={stage} onChange={(event) => setStage(event.target.value)} className={`mt-1 ${inputClass}`}>
        <option value="">Any</option>
        {STAGES.map((option) => (
          <option key={option} value={option}>
            {STAGE_LABELS[option]}
          </option>
        ))}
      </select>
      <div className="mt-1 flex items-center gap-2">
        <input type="date" name="reachedFrom" aria-label="Reached stage from" disabled={!stage} defaultValue={reached?.from ?? ""} className={`${inputClass} disabled:bg-slate-100`} />
        <span aria-hidden="true">–</span>
        <input type="date" name="reachedTo" aria-label="Reached stage to" disabled={!stage} defaultValue={reached?.to ?? ""} className={`${inputClass} disabled:bg-slate-100`} />
      </div>
      <p className="mt-1 text-xs text-slate-500">Moved into the stage in these days (any time if empty). Lead: also created in them.</p>
    </fieldset>
  );
}

/** The offered values plus any chosen one they lack (from a link), so what filters the table can be seen and cleared. */
function withChosen(options: string[], chosen: string[]): string[] {
  return [...options, ...chosen.filter((value) => !options.includes(value))];
}

function companySizeOrNull(value: FormDataEntryValue | null): CompanySizeBand | null {
  return COMPANY_SIZE_BANDS.find((band) => band.id === value)?.id ?? null;
}

/** Every filter the table has beyond search and stage; applied together with "Apply filters". */
export function FiltersPanel({ filters, owners, options, onApply, onClose }: Props) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const strings = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
    const owner = form.get("owner");
    const reached = form.get("reached");
    onApply({
      owner: typeof owner === "string" && owner ? owner : null,
      overdue: form.get("overdue") === "on",
      score: { min: numberOrNull(form.get("scoreMin")), max: numberOrNull(form.get("scoreMax")) },
      fit: { min: numberOrNull(form.get("fitMin")), max: numberOrNull(form.get("fitMax")) },
      // The inputs' min and max keep the percents within 0–100: the browser refuses others before this runs.
      probability: { min: numberOrNull(form.get("probabilityMin")), max: numberOrNull(form.get("probabilityMax")) },
      sources: strings("source"),
      campaigns: strings("campaign"),
      industries: strings("industry"),
      countries: strings("country"),
      companySize: companySizeOrNull(form.get("companySize")),
      created: { from: dayOrNull(form.get("createdFrom")), to: dayOrNull(form.get("createdTo")) },
      updated: { from: dayOrNull(form.get("updatedFrom")), to: dayOrNull(form.get("updatedTo")) },
      stageEntered: { from: dayOrNull(form.get("enteredFrom")), to: dayOrNull(form.get("enteredTo")) },
      reached: isStage(reached) ? { stage: reached, from: dayOrNull(form.get("reachedFrom")), to: dayOrNull(form.get("reachedTo")) } : null,
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
        <RangeInputs
          legend="Likely to buy (%)"
          name="probability"
          range={filters.probability}
          limits={{ min: 0, max: 100 }}
          hint="The predictive model's chance; leads it hasn't scored are left out."
        />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="overdue" defaultChecked={filters.overdue} className="size-4 rounded border-slate-300" />
          Only MQLs past the response SLA
        </label>
        <ChoiceList legend="Source" name="source" options={withChosen(options.sources, filters.sources)} selected={filters.sources} />
        <ChoiceList legend="Campaign" name="campaign" options={withChosen(options.campaigns, filters.campaigns)} selected={filters.campaigns} />
        <ChoiceList legend="Industry" name="industry" options={withChosen(options.industries, filters.industries)} selected={filters.industries} />
        <ChoiceList legend="Country" name="country" options={withChosen(options.countries, filters.countries)} selected={filters.countries} />
        <label className="text-sm font-medium text-slate-700">
          Company size
          <select name="companySize" defaultValue={filters.companySize ?? ""} className={`mt-1 ${inputClass}`}>
            <option value="">Any</option>
            {COMPANY_SIZE_BANDS.map((band) => (
              <option key={band.id} value={band.id}>
                {band.label}
              </option>
            ))}
          </select>
        </label>
        <DayInputs legend="Created" name="created" range={filters.created} />
        <DayInputs legend="Updated" name="updated" range={filters.updated} />
        <DayInputs legend="In stage since" name="entered" range={filters.stageEntered} />
        <ReachedInputs reached={filters.reached} />
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
