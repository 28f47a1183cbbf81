import { fieldLabel } from "@/lib/core/scoring/conditions";
import { STANDARD_FIT_FIELDS } from "@/lib/core/scoring/types";
import { CellInput, CellSelect } from "./cell-field";
import type { FieldDraft } from "./rules-draft";
import { CUSTOM } from "./rules-draft";

type Props = { target: FieldDraft; onChange: (target: FieldDraft) => void; error?: string };

/** Which lead attribute a rule looks at: a standard one, or a custom field by name. */
export function FieldPicker({ target, onChange, error }: Props) {
  const custom = target.field === CUSTOM;
  return (
    <div className="min-w-0 space-y-1.5">
      <CellSelect label="Lead field" value={target.field} onChange={(event) => onChange({ ...target, field: event.target.value })} error={custom ? undefined : error}>
        {STANDARD_FIT_FIELDS.map((field) => (
          <option key={field} value={field}>
            {fieldLabel(field)}
          </option>
        ))}
        <option value={CUSTOM}>Custom field…</option>
      </CellSelect>
      {custom && (
        <CellInput label="Custom field name" value={target.customName} onChange={(event) => onChange({ ...target, customName: event.target.value })} error={error} placeholder="e.g. plan_tier" />
      )}
    </div>
  );
}
