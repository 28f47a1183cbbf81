import { CellInput, CellSelect } from "./cell-field";
import type { RuleErrors } from "./rule-errors";
import { errorAt } from "./rule-errors";
import type { ConditionDraft, Operator } from "./rules-draft";
import { OPERATORS } from "./rules-draft";

const OPERATOR_LABELS: Record<Operator, string> = {
  equals: "is",
  in: "is one of",
  range: "is between",
  contains: "contains",
  matches: "matches pattern",
  isEmpty: "is empty",
};

type Props = { condition: ConditionDraft; onChange: (condition: ConditionDraft) => void; errors: RuleErrors; path: string; numeric?: boolean };

/** How a value is compared, and the value(s) to compare with; the inputs follow the comparison. */
export function ConditionInputs({ condition, onChange, errors, path, numeric = false }: Props) {
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...condition, ...patch });
  const numberHints = numeric ? ({ inputMode: "decimal" } as const) : {};
  return (
    <div className="flex min-w-0 flex-wrap items-start gap-2 sm:flex-nowrap">
      <CellSelect
        label="Comparison"
        value={condition.operator}
        onChange={(event) => set({ operator: event.target.value as Operator })}
        error={errors[path] ?? errors[`${path}.operator`]}
        className="w-36 shrink-0"
      >
        {OPERATORS.map((operator) => (
          <option key={operator} value={operator}>
            {OPERATOR_LABELS[operator]}
          </option>
        ))}
      </CellSelect>
      {condition.operator === "equals" && (
        <CellInput label="Value" value={condition.value} onChange={(event) => set({ value: event.target.value })} error={errorAt(errors, `${path}.value`)} className="flex-1" {...numberHints} />
      )}
      {condition.operator === "in" && (
        <CellInput
          label="Values, separated by commas"
          value={condition.values}
          onChange={(event) => set({ values: event.target.value })}
          error={errorAt(errors, `${path}.values`)}
          placeholder="e.g. Software, Manufacturing"
          title={condition.values || "Separate values with commas"}
          className="flex-1"
        />
      )}
      {condition.operator === "range" && (
        <>
          <CellInput label="From" value={condition.min} onChange={(event) => set({ min: event.target.value })} error={errorAt(errors, `${path}.min`)} placeholder="no minimum" inputMode="decimal" className="flex-1" />
          <CellInput label="To" value={condition.max} onChange={(event) => set({ max: event.target.value })} error={errorAt(errors, `${path}.max`)} placeholder="no maximum" inputMode="decimal" className="flex-1" />
        </>
      )}
      {condition.operator === "contains" && (
        <CellInput label="Text" value={condition.value} onChange={(event) => set({ value: event.target.value })} error={errorAt(errors, `${path}.value`)} className="flex-1" />
      )}
      {condition.operator === "matches" && (
        <CellInput
          label="Pattern (regular expression)"
          value={condition.pattern}
          onChange={(event) => set({ pattern: event.target.value })}
          error={errorAt(errors, `${path}.pattern`)}
          placeholder="e.g. ^(vp|head) of"
          mono
          className="flex-1"
        />
      )}
    </div>
  );
}
