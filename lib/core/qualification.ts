export type ChecklistItem = { key: string; label: string; hint: string; required: boolean };

/** BANT, the default qualification checklist a lead must pass before it becomes SQL. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: "budget", label: "Budget", hint: "They can pay for it, or know who approves the spend.", required: true },
  { key: "authority", label: "Authority", hint: "We are talking to the decision maker or their sponsor.", required: true },
  { key: "need", label: "Need", hint: "A real problem we solve, in their words.", required: true },
  { key: "timeline", label: "Timeline", hint: "They intend to buy within a known time frame.", required: true },
];

/** Keys of required items that the given answers leave unchecked. */
export function missingChecklistItems(
  items: readonly ChecklistItem[],
  answers: Readonly<Record<string, boolean>>,
): string[] {
  return items.filter((item) => item.required && answers[item.key] !== true).map((item) => item.key);
}
