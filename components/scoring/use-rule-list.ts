import { useState } from "react";

/**
 * Editing one section's list of rules: change, add and remove by position. A new rule's first
 * input takes the focus; after a removal the focus goes to the section's "Add" button, so a
 * keyboard user is never left on an element that no longer exists.
 */
export function useRuleList<T extends { id: string }>(rules: readonly T[], onChange: (rules: T[]) => void, addButtonId: string) {
  const [focusId, setFocusId] = useState<string | null>(null);
  return {
    focusId,
    update(index: number, patch: Partial<T>) {
      onChange(rules.map((rule, position) => (position === index ? { ...rule, ...patch } : rule)));
    },
    add(rule: T) {
      setFocusId(rule.id);
      onChange([...rules, rule]);
    },
    remove(index: number) {
      onChange(rules.filter((_, position) => position !== index));
      document.getElementById(addButtonId)?.focus();
    },
  };
}
