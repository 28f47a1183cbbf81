/** One recorded change of a lead's owner (an assignment), as its owner history shows it. */
export type AssignmentChange = {
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
  /** Routing chose the owner rather than a person. */
  automatic: boolean;
};

/**
 * What changed, in words ("Routed to Sasha Sales", "Reassigned from Sam Sales to Sasha Sales");
 * the rule and who did it are shown beside it. Routing also records leads it could give to
 * nobody, where the owner stays as it was.
 */
export function describeAssignment({ from, to, automatic }: AssignmentChange): string {
  if (!to) return from ? `Unassigned from ${from.name}` : "Stays unassigned";
  if (from?.id === to.id) return `Stays with ${to.name}`;
  if (!from) return `${automatic ? "Routed" : "Assigned"} to ${to.name}`;
  return `${automatic ? "Routed" : "Reassigned"} from ${from.name} to ${to.name}`;
}
