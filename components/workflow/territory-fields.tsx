import { errorAt } from "@/components/scoring/rule-errors";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/server/errors";
import type { RoutingRep } from "@/lib/views/funnel";
import { RemoveButton } from "./remove-button";
import { RepPicker } from "./rep-picker";

export type TerritoryDraft = { id: string; name: string; countries: string; repIds: string[] };

/** "de, at ch" → ["DE", "AT", "CH"]: commas, semicolons and spaces all separate; repeats go. */
export function parseCountries(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((code) => code.toUpperCase()).filter(Boolean))];
}

/** The server names a bad code by its place in the list ("territories.0.countries.2"); say which code that is. */
function countriesError(errors: FieldErrors, path: string, countries: string): string | undefined {
  const key = Object.keys(errors).find((field) => field === path || field.startsWith(`${path}.`));
  if (!key) return undefined;
  const code = key === path ? undefined : parseCountries(countries)[Number(key.slice(path.length + 1))];
  return code ? `"${code}": ${errors[key]}` : errors[key];
}

type Props = {
  territory: TerritoryDraft;
  index: number;
  reps: readonly RoutingRep[];
  errors: FieldErrors;
  onChange: (patch: Partial<TerritoryDraft>) => void;
  onRemove: () => void;
};

/** The row's element id; a new territory's name input, the first input in it, takes the focus. */
export const territoryRowId = (territory: { id: string }) => `territory-${territory.id}`;

export function TerritoryFields({ territory, index, reps, errors, onChange, onRemove }: Props) {
  const path = `territories.${index}`;
  const name = territory.name.trim() || `territory ${index + 1}`;
  return (
    <li id={territoryRowId(territory)} className="py-4" data-testid="territory">
      <fieldset className="space-y-3">
        <legend className="sr-only">Territory {index + 1}: {name}</legend>
        <div className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto]">
          <TextField label="Territory name" value={territory.name} maxLength={60} onChange={(event) => onChange({ name: event.target.value })} error={errorAt(errors, `${path}.name`)} placeholder="e.g. DACH" />
          <TextField
            label="Countries"
            value={territory.countries}
            onChange={(event) => onChange({ countries: event.target.value })}
            error={countriesError(errors, `${path}.countries`, territory.countries)}
            hint="Two-letter ISO codes, separated by commas or spaces: DE, AT, CH"
            placeholder="DE, AT, CH"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <div className="sm:pt-6">
            <RemoveButton label={`Remove territory ${name}`} onClick={onRemove} />
          </div>
        </div>
        <RepPicker territoryName={territory.name} reps={reps} selected={territory.repIds} error={errorAt(errors, `${path}.repIds`)} onChange={(repIds) => onChange({ repIds })} />
      </fieldset>
    </li>
  );
}
