"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ChecklistItem } from "@/lib/core/qualification";
import { saveChecklistAction } from "@/lib/server/settings/workflow-settings-actions";
import type { ChecklistDraftItem } from "./checklist-item-fields";
import { ChecklistItemFields, checklistRowId } from "./checklist-item-fields";
import { moved } from "./move-buttons";
import { SettingsForm } from "./settings-form";
import { useConfirmation } from "./use-confirmation";
import { useSettingSave } from "./use-setting-save";

const MAX_ITEMS = 20;
const ADD_BUTTON_ID = "checklist-add";

let nextNewId = 1;
const toDraft = (items: readonly ChecklistItem[]): ChecklistDraftItem[] => items.map((item) => ({ ...item, id: item.key }));
const toInput = (items: readonly ChecklistDraftItem[]) => items.map(({ key, label, hint, required }) => ({ key, label, hint, required }));

export function QualificationChecklistForm({ checklist }: { checklist: readonly ChecklistItem[] }) {
  const [saved, setSaved] = useState(() => JSON.stringify(toInput(toDraft(checklist))));
  const [items, setItems] = useState(() => toDraft(checklist));
  const removal = useConfirmation<ChecklistDraftItem>();
  const removing = removal.subject;
  const { formRef, pending, errors, message, save } = useSettingSave(saveChecklistAction, (stored) => {
    // New items now have their keys; later saves must send them so they keep them.
    setItems(toDraft(stored));
    setSaved(JSON.stringify(toInput(toDraft(stored))));
    return `Qualification checklist saved: ${stored.filter((item) => item.required).length} of ${stored.length} items required to qualify.`;
  });

  const change = (id: string, patch: Partial<ChecklistDraftItem>) => setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  function add() {
    const item: ChecklistDraftItem = { id: `new-${nextNewId++}`, label: "", hint: "", required: true };
    flushSync(() => setItems((current) => [...current, item]));
    document.getElementById(checklistRowId(item))?.querySelector("input")?.focus();
  }

  function remove(item: ChecklistDraftItem) {
    removal.close();
    flushSync(() => setItems((current) => current.filter((other) => other.id !== item.id)));
    document.getElementById(ADD_BUTTON_ID)?.focus();
  }

  return (
    <SettingsForm
      id="qualification-checklist"
      title="Qualification checklist"
      description={
        <p>
          What a sales rep confirms before a SAL becomes a sales-qualified lead (SQL). Required items must all be confirmed to qualify; optional ones are offered but not
          enforced. Past qualifications keep the answers given at the time.
        </p>
      }
      formRef={formRef}
      onSubmit={() => void save({ items: toInput(items) })}
      pending={pending}
      dirty={JSON.stringify(toInput(items)) !== saved}
      message={message}
      saveLabel="Save checklist"
      dialog={
        removing && (
          <ConfirmDialog title={`Remove "${removing.label.trim() || "this item"}"?`} confirmLabel="Remove" onCancel={removal.dismiss} onConfirm={() => remove(removing)}>
            Reps will no longer be asked to confirm it once you save the checklist. Leads qualified before keep their answers.
          </ConfirmDialog>
        )
      }
    >
      {errors.items && (
        <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.items}
        </p>
      )}
      <ol className="divide-y divide-slate-100" aria-label="Checklist items">
        {items.map((item, index) => (
          <ChecklistItemFields
            key={item.id}
            item={item}
            index={index}
            count={items.length}
            errors={errors}
            onChange={(patch) => change(item.id, patch)}
            onMove={(delta) => setItems((current) => moved(current, index, delta))}
            onRemove={() => removal.ask(item)}
          />
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button id={ADD_BUTTON_ID} type="button" variant="secondary" onClick={add} disabled={items.length >= MAX_ITEMS}>
          <span aria-hidden="true">+</span> Add item
        </Button>
        {items.length >= MAX_ITEMS && <p className="text-xs text-slate-500">The checklist can have at most {MAX_ITEMS} items.</p>}
      </div>
    </SettingsForm>
  );
}
