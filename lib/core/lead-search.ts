type Searchable = { firstName: string; lastName: string; email: string; company?: string | null };

/** The lower-cased text the board and lists search in: name, e-mail and company. */
export function searchTextOf(lead: Searchable): string {
  return [lead.firstName, lead.lastName, lead.email, lead.company ?? ""].join(" ").toLowerCase();
}

/** Normalises what a user typed into the search box; empty means no search. */
export function normalizeSearch(query: string | null | undefined): string | undefined {
  const trimmed = query?.trim().toLowerCase().replace(/\s+/g, " ");
  // Cutting at 100 may end on a space; dropping it keeps the result normalised.
  return trimmed ? trimmed.slice(0, 100).trimEnd() : undefined;
}

/** How a lead is named to people: first and last name. */
export function leadName(lead: { firstName: string; lastName: string }): string {
  return `${lead.firstName} ${lead.lastName}`.trim();
}
