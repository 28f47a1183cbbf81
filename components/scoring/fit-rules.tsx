import { CellInput } from "./cell-field";
import { ConditionInputs } from "./condition-inputs";
import { FieldPicker } from "./field-picker";
import type { RuleErrors } from "./rule-errors";
import { errorAt, otherErrors } from "./rule-errors";
import { addButtonId, RuleRow, RuleSection } from "./rule-section";
import type { FitRuleDraft } from "./rules-draft";
import { isNumericField, newFitRule } from "./rules-draft";
import { useRuleList } from "./use-rule-list";

const GRID = "lg:grid-cols-[minmax(9rem,1fr)_minmax(9rem,0.9fr)_minmax(16rem,2fr)_5.5rem_2rem]";
const SHOWN = ["label", "field", "condition", "points"];

type Props = { rules: FitRuleDraft[]; onChange: (rules: FitRuleDraft[]) => void; errors: RuleErrors };

export function FitRules({ rules, onChange, errors }: Props) {
  const list = useRuleList(rules, onChange, addButtonId("fit"));
  return (
    <RuleSection
      id="fit"
      title="Fit rules"
      description="Who the lead is, against your ideal customer. Every matching rule adds its points; use negative points for a poor fit."
      columns={["Label", "Lead field", "Condition", "Points", ""]}
      grid={GRID}
      addLabel="Add fit rule"
      onAdd={() => list.add(newFitRule())}
      empty="No fit rules: every lead's fit score is 0."
      errors={otherErrors(errors, "fit", rules.map((_, index) => `fit.${index}`))}
    >
      {rules.map((rule, index) => {
        const path = `fit.${index}`;
        return (
          <RuleRow
            key={rule.id}
            legend={`Fit rule ${index + 1}: ${rule.label || "untitled"}`}
            grid={GRID}
            removeLabel={`Remove fit rule ${rule.label ? `"${rule.label}"` : index + 1}`}
            onRemove={() => list.remove(index)}
            errors={otherErrors(errors, path, SHOWN.map((name) => `${path}.${name}`))}
          >
            <CellInput label="Label" value={rule.label} onChange={(event) => list.update(index, { label: event.target.value })} error={errorAt(errors, `${path}.label`)} autoFocus={list.focusId === rule.id} placeholder="e.g. Core industry" />
            <FieldPicker target={rule.target} onChange={(target) => list.update(index, { target })} error={errorAt(errors, `${path}.field`)} />
            <ConditionInputs condition={rule.condition} onChange={(condition) => list.update(index, { condition })} errors={errors} path={`${path}.condition`} numeric={isNumericField(rule.target.field)} />
            <CellInput label="Points" type="number" step={1} value={rule.points} onChange={(event) => list.update(index, { points: event.target.value })} error={errorAt(errors, `${path}.points`)} />
          </RuleRow>
        );
      })}
    </RuleSection>
  );
}
