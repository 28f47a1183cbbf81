import { describeEventType } from "@/components/leads/event-presentation";
import { CellInput, CellSelect } from "./cell-field";
import { ConditionInputs } from "./condition-inputs";
import type { RuleErrors } from "./rule-errors";
import { errorAt, otherErrors } from "./rule-errors";
import { addButtonId, RuleRow, RuleSection } from "./rule-section";
import type { EngagementRuleDraft } from "./rules-draft";
import { CUSTOM, newEngagementRule } from "./rules-draft";
import { useRuleList } from "./use-rule-list";

const GRID = "lg:grid-cols-[minmax(9rem,1.2fr)_minmax(10rem,1fr)_5.5rem_minmax(12rem,1fr)_6.5rem_2rem]";
const SHOWN = ["label", "eventType", "property", "points", "cap", "halfLifeDays"];

type Props = { rules: EngagementRuleDraft[]; onChange: (rules: EngagementRuleDraft[]) => void; errors: RuleErrors; eventTypes: readonly string[] };

export function EngagementRules({ rules, onChange, errors, eventTypes }: Props) {
  const list = useRuleList(rules, onChange, addButtonId("engagement"));
  return (
    <RuleSection
      id="engagement"
      title="Engagement rules"
      description="What the lead did. Each matching event earns the points; a cap limits what one rule can give within a window, and a half-life lets old activity fade."
      columns={["Label", "Event type", "Points", "Cap (points per days)", "Half-life (days)", ""]}
      grid={GRID}
      addLabel="Add engagement rule"
      onAdd={() => list.add(newEngagementRule())}
      empty="No engagement rules: activity doesn't change any score."
      errors={otherErrors(errors, "engagement", rules.map((_, index) => `engagement.${index}`))}
    >
      {rules.map((rule, index) => {
        const path = `engagement.${index}`;
        const update = (patch: Partial<EngagementRuleDraft>) => list.update(index, patch);
        return (
          <RuleRow
            key={rule.id}
            legend={`Engagement rule ${index + 1}: ${rule.label || "untitled"}`}
            grid={GRID}
            removeLabel={`Remove engagement rule ${rule.label ? `"${rule.label}"` : index + 1}`}
            onRemove={() => list.remove(index)}
            errors={otherErrors(errors, path, SHOWN.map((name) => `${path}.${name}`))}
          >
            <CellInput label="Label" value={rule.label} onChange={(event) => update({ label: event.target.value })} error={errorAt(errors, `${path}.label`)} autoFocus={list.focusId === rule.id} placeholder="e.g. Pricing page view" />
            <div className="min-w-0 space-y-1.5">
              <CellSelect label="Event type" value={rule.eventType} onChange={(event) => update({ eventType: event.target.value })} error={rule.eventType === CUSTOM ? undefined : errorAt(errors, `${path}.eventType`)}>
                {eventTypes.map((type) => (
                  <option key={type} value={type}>
                    {describeEventType(type).label}
                  </option>
                ))}
                <option value={CUSTOM}>Custom event type…</option>
              </CellSelect>
              {rule.eventType === CUSTOM && (
                <CellInput label="Custom event type" value={rule.customEventType} onChange={(event) => update({ customEventType: event.target.value })} error={errorAt(errors, `${path}.eventType`)} placeholder="e.g. trial_started" mono />
              )}
            </div>
            <CellInput label="Points" type="number" step={1} value={rule.points} onChange={(event) => update({ points: event.target.value })} error={errorAt(errors, `${path}.points`)} />
            <div className="flex min-w-0 items-start gap-1.5">
              <CellInput label="Cap: at most this many points" type="number" min={1} step={1} value={rule.capPoints} onChange={(event) => update({ capPoints: event.target.value })} error={errorAt(errors, `${path}.cap.points`) ?? errors[`${path}.cap`]} placeholder="no cap" className="flex-1" />
              <span aria-hidden="true" className="mt-1.5 hidden text-sm text-slate-500 lg:inline">per</span>
              <CellInput label="Cap: window in days" type="number" min={1} step={1} value={rule.capDays} onChange={(event) => update({ capDays: event.target.value })} error={errorAt(errors, `${path}.cap.windowDays`)} placeholder="days" className="flex-1" />
            </div>
            <CellInput label="Half-life in days" type="number" min={1} step={1} value={rule.halfLifeDays} onChange={(event) => update({ halfLifeDays: event.target.value })} error={errorAt(errors, `${path}.halfLifeDays`)} placeholder="no decay" />
            <PropertyFilter rule={rule} update={update} errors={errors} path={path} />
          </RuleRow>
        );
      })}
    </RuleSection>
  );
}

type FilterProps = { rule: EngagementRuleDraft; update: (patch: Partial<EngagementRuleDraft>) => void; errors: RuleErrors; path: string };

/** Optionally only some events of the type count, e.g. page views whose url contains /pricing. */
function PropertyFilter({ rule, update, errors, path }: FilterProps) {
  return (
    <div className="flex flex-wrap items-start gap-2 sm:col-span-2 lg:col-span-5">
      <label className="mt-1.5 inline-flex items-center gap-2 text-xs text-slate-600">
        <input type="checkbox" checked={rule.filtered} onChange={(event) => update({ filtered: event.target.checked })} className="size-4 rounded border-slate-300 accent-brand-600" />
        Only events whose property
      </label>
      {rule.filtered && (
        <>
          <CellInput label="Property name" value={rule.propertyKey} onChange={(event) => update({ propertyKey: event.target.value })} error={errorAt(errors, `${path}.property.key`)} placeholder="e.g. url" mono className="w-40" />
          <div className="min-w-0 flex-1">
            <ConditionInputs condition={rule.propertyCondition} onChange={(propertyCondition) => update({ propertyCondition })} errors={errors} path={`${path}.property.condition`} />
          </div>
        </>
      )}
    </div>
  );
}
