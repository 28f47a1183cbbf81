import type { ReasonOption } from "@/lib/views/settings";
import { CellInput, CellSelect } from "./cell-field";
import { ConditionInputs } from "./condition-inputs";
import { FieldPicker } from "./field-picker";
import type { RuleErrors } from "./rule-errors";
import { errorAt, otherErrors } from "./rule-errors";
import { addButtonId, RuleRow, RuleSection } from "./rule-section";
import type { DisqualifyRuleDraft } from "./rules-draft";
import { isNumericField, newDisqualifyRule } from "./rules-draft";
import { useRuleList } from "./use-rule-list";

const GRID = "lg:grid-cols-[minmax(9rem,1.1fr)_minmax(8rem,0.8fr)_minmax(15rem,1.7fr)_8.5rem_minmax(10rem,1.1fr)_2rem]";
const SHOWN = ["label", "field", "condition", "action", "reasonCode"];

type Props = { rules: DisqualifyRuleDraft[]; onChange: (rules: DisqualifyRuleDraft[]) => void; errors: RuleErrors; reasons: readonly ReasonOption[] };

export function DisqualifyRules({ rules, onChange, errors, reasons }: Props) {
  const list = useRuleList(rules, onChange, addButtonId("disqualify"));
  return (
    <RuleSection
      id="disqualify"
      title="Disqualifying rules"
      description="Leads that aren't buyers, whatever their score. “Flag” marks them for review; “Disqualify” moves a LEAD or MQL out of the funnel with the reason."
      columns={["Label", "Lead field", "Condition", "Action", "Reason", ""]}
      grid={GRID}
      addLabel="Add disqualifying rule"
      onAdd={() => list.add(newDisqualifyRule(reasons[0]?.code ?? ""))}
      empty="No disqualifying rules: no lead is flagged or disqualified automatically."
      errors={otherErrors(errors, "disqualify", rules.map((_, index) => `disqualify.${index}`))}
    >
      {rules.map((rule, index) => {
        const path = `disqualify.${index}`;
        const update = (patch: Partial<DisqualifyRuleDraft>) => list.update(index, patch);
        // A reason retired since the rule was written still shows, so the problem is visible.
        const retired = rule.reasonCode !== "" && !reasons.some((reason) => reason.code === rule.reasonCode);
        return (
          <RuleRow
            key={rule.id}
            legend={`Disqualifying rule ${index + 1}: ${rule.label || "untitled"}`}
            grid={GRID}
            removeLabel={`Remove disqualifying rule ${rule.label ? `"${rule.label}"` : index + 1}`}
            onRemove={() => list.remove(index)}
            errors={otherErrors(errors, path, SHOWN.map((name) => `${path}.${name}`))}
          >
            <CellInput label="Label" value={rule.label} onChange={(event) => update({ label: event.target.value })} error={errorAt(errors, `${path}.label`)} autoFocus={list.focusId === rule.id} placeholder="e.g. Competitor" />
            <FieldPicker target={rule.target} onChange={(target) => update({ target })} error={errorAt(errors, `${path}.field`)} />
            <ConditionInputs condition={rule.condition} onChange={(condition) => update({ condition })} errors={errors} path={`${path}.condition`} numeric={isNumericField(rule.target.field)} />
            <CellSelect label="Action" value={rule.action} onChange={(event) => update({ action: event.target.value as DisqualifyRuleDraft["action"] })} error={errorAt(errors, `${path}.action`)}>
              <option value="flag">Flag for review</option>
              <option value="disqualify">Disqualify</option>
            </CellSelect>
            <CellSelect label="Reason" value={rule.reasonCode} onChange={(event) => update({ reasonCode: event.target.value })} error={errorAt(errors, `${path}.reasonCode`)}>
              {rule.reasonCode === "" && <option value="">Choose a reason</option>}
              {retired && <option value={rule.reasonCode}>{rule.reasonCode} (no longer offered)</option>}
              {reasons.map((reason) => (
                <option key={reason.code} value={reason.code}>
                  {reason.label}
                </option>
              ))}
            </CellSelect>
          </RuleRow>
        );
      })}
    </RuleSection>
  );
}
