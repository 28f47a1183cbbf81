import { TextField } from "@/components/ui/text-field";
import { errorAt } from "@/components/scoring/rule-errors";
import type { FieldErrors } from "@/lib/server/errors";
import { MoveButtons } from "./move-buttons";
import { RemoveButton } from "./remove-button";

export type ChecklistDraftItem = { id: string; key?: string; label: string; hint: string; required: boolean };

type Props = {
  item: ChecklistDraftItem;
  index: number;
  count: number;
  errors: FieldErrors;
  onChange: (patch: Partial<ChecklistDraftItem>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** The row's element id; a new item's label input, the first input in it, takes the focus. */
export const checklistRowId = (item: { id: string }) => `checklist-${item.id}`;

/** One point a rep confirms before qualifying a lead. */
export function ChecklistItemFields({ item, index, count, errors, onChange, onMove, onRemove }: Props) {
  const path = `items.${index}`;
  const name = item.label.trim() || `item ${index + 1}`;
  const keyError = errors[`${path}.key`];
  return (
    <li id={checklistRowId(item)} className="py-3" data-testid="checklist-item">
      <fieldset className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto_auto]">
        <legend className="sr-only">
          Checklist item {index + 1}: {name}
        </legend>
        <TextField label="Label" value={item.label} maxLength={60} onChange={(event) => onChange({ label: event.target.value })} error={errorAt(errors, `${path}.label`)} />
        <TextField
          label="Hint for the rep"
          value={item.hint}
          maxLength={200}
          onChange={(event) => onChange({ hint: event.target.value })}
          error={errorAt(errors, `${path}.hint`)}
          placeholder="What confirming this means"
        />
        <label className="flex items-center gap-2 pt-0 text-sm text-slate-700 sm:pt-8">
          <input type="checkbox" checked={item.required} onChange={(event) => onChange({ required: event.target.checked })} className="size-4 rounded border-slate-300" />
          Required
        </label>
        <div className="flex items-center gap-0.5 sm:pt-6">
          <MoveButtons idPrefix={`checklist-${item.id}`} name={name} index={index} count={count} onMove={onMove} />
          <RemoveButton label={`Remove ${name}`} disabled={count === 1} title={count === 1 ? "The checklist needs at least one item" : "Remove"} onClick={onRemove} />
        </div>
      </fieldset>
      <p className="mt-1 text-xs text-slate-500">
        {item.key ? (
          <>
            Key <code className="font-mono">{item.key}</code>: renaming the item keeps past answers linked to it.
          </>
        ) : (
          "New item: its key is made from the label when you save."
        )}
      </p>
      {keyError && <p className="mt-1 text-xs text-red-700">{keyError}</p>}
    </li>
  );
}
