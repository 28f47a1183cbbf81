"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/text-field";
import type { RoutingRules } from "@/lib/core/workflow-settings";
import { saveRoutingRulesAction } from "@/lib/server/settings/workflow-settings-actions";
import type { RoutingRep } from "@/lib/views/funnel";
import { ActiveReps } from "./active-reps";
import { SettingsForm } from "./settings-form";
import type { TerritoryDraft } from "./territory-fields";
import { parseCountries, TerritoryFields, territoryRowId } from "./territory-fields";
import { useConfirmation } from "./use-confirmation";
import { useSettingSave } from "./use-setting-save";

const MAX_TERRITORIES = 50;
const ADD_BUTTON_ID = "territory-add";
const SUGGESTED_CAP = "20";

type Draft = { territories: TerritoryDraft[]; capOn: boolean; cap: string };

let nextNewId = 1;
function toDraft(rules: RoutingRules): Draft {
  return {
    territories: rules.territories.map((territory, index) => ({ id: `saved-${index}`, name: territory.name, countries: territory.countries.join(", "), repIds: territory.repIds })),
    capOn: rules.maxOpenSals !== null,
    cap: String(rules.maxOpenSals ?? SUGGESTED_CAP),
  };
}

function toInput(draft: Draft): RoutingRules {
  return {
    territories: draft.territories.map((territory) => ({ name: territory.name, countries: parseCountries(territory.countries), repIds: territory.repIds })),
    maxOpenSals: draft.capOn ? Number(draft.cap) : null,
  };
}

export function RoutingForm({ rules, reps }: { rules: RoutingRules; reps: readonly RoutingRep[] }) {
  const [draft, setDraft] = useState(() => toDraft(rules));
  const [saved, setSaved] = useState(() => JSON.stringify(toInput(toDraft(rules))));
  const removal = useConfirmation<TerritoryDraft>();
  const removing = removal.subject;
  const { formRef, pending, errors, message, save } = useSettingSave(saveRoutingRulesAction, (stored) => {
    // Shows the rules as stored: names trimmed, country codes upper-cased and comma separated.
    setDraft(toDraft(stored));
    setSaved(JSON.stringify(toInput(toDraft(stored))));
    const count = stored.territories.length;
    return `Routing saved: ${count === 0 ? "round robin to all active reps" : `${count} ${count === 1 ? "territory" : "territories"}`}, ${stored.maxOpenSals === null ? "no cap" : `at most ${stored.maxOpenSals} open SALs per rep`}.`;
  });

  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const changeTerritory = (id: string, patch: Partial<TerritoryDraft>) =>
    setDraft((current) => ({ ...current, territories: current.territories.map((territory) => (territory.id === id ? { ...territory, ...patch } : territory)) }));

  function add() {
    const territory: TerritoryDraft = { id: `new-${nextNewId++}`, name: "", countries: "", repIds: [] };
    flushSync(() => setDraft((current) => ({ ...current, territories: [...current.territories, territory] })));
    document.getElementById(territoryRowId(territory))?.querySelector("input")?.focus();
  }

  function remove(territory: TerritoryDraft) {
    removal.close();
    flushSync(() => setDraft((current) => ({ ...current, territories: current.territories.filter((other) => other.id !== territory.id) })));
    document.getElementById(ADD_BUTTON_ID)?.focus();
  }

  return (
    <SettingsForm
      id="routing"
      title="Routing"
      description={
        <>
          <p>
            Every new MQL, whether its score promoted it or a marketer marked it, gets an owner right away: by default it goes round robin to the active sales reps, to
            whoever has waited longest for one.
          </p>
          <p>
            Territories narrow that down by the lead&apos;s country: a lead from a territory&apos;s country goes round robin among that territory&apos;s reps only. Leads
            from any other country, or with none, go to all active reps.
          </p>
        </>
      }
      formRef={formRef}
      onSubmit={() => void save(toInput(draft))}
      pending={pending}
      dirty={JSON.stringify(toInput(draft)) !== saved}
      message={message}
      saveLabel="Save routing"
      dialog={
        removing && (
          <ConfirmDialog title={`Remove territory ${removing.name.trim() || "without a name"}?`} confirmLabel="Remove" onCancel={removal.dismiss} onConfirm={() => remove(removing)}>
            Once you save, leads from {parseCountries(removing.countries).join(", ") || "its countries"} go round robin to all active sales reps.
          </ConfirmDialog>
        )
      }
    >
      <ActiveReps reps={reps} cap={rules.maxOpenSals} />

      <h3 className="mt-5 text-sm font-semibold text-slate-900">Territories ({draft.territories.length})</h3>
      {errors.territories && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.territories}
        </p>
      )}
      {draft.territories.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No territories: every new MQL goes round robin to all active sales reps.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Territories">
          {draft.territories.map((territory, index) => (
            <TerritoryFields
              key={territory.id}
              territory={territory}
              index={index}
              reps={reps}
              errors={errors}
              onChange={(patch) => changeTerritory(territory.id, patch)}
              onRemove={() => removal.ask(territory)}
            />
          ))}
        </ol>
      )}
      <Button id={ADD_BUTTON_ID} type="button" variant="secondary" className="mt-3" onClick={add} disabled={draft.territories.length >= MAX_TERRITORIES}>
        <span aria-hidden="true">+</span> Add territory
      </Button>

      <fieldset className="mt-6 border-t border-slate-100 pt-4">
        <legend className="sr-only">Cap on open SALs</legend>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={draft.capOn} onChange={(event) => change({ capOn: event.target.checked })} className="size-4 rounded border-slate-300" />
          Limit how many open SALs a rep can have
        </label>
        <p className="mt-1 text-sm text-slate-600">
          A rep with this many SALs gets no new MQLs until one moves on. When every eligible rep is at the cap, the MQL waits unassigned in the shared queue.
        </p>
        <TextField
          label="Max open SALs per rep"
          className="mt-3 max-w-xs"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={draft.cap}
          disabled={!draft.capOn}
          onChange={(event) => change({ cap: event.target.value })}
          error={draft.capOn ? errors.maxOpenSals : undefined}
        />
      </fieldset>
    </SettingsForm>
  );
}
