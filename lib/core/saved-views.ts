import { z } from "zod";
import type { LeadTableFilters, LeadTableState } from "./lead-table";
import { DEFAULT_TABLE_STATE, EMPTY_FILTERS, leadTableQuery, parseLeadTableQuery } from "./lead-table";
import type { Role } from "./roles";

/** A view anyone can open: the table's query and who it is the default for. */
export type BuiltInView = { id: string; name: string; description: string; query: string; defaultFor: readonly Role[] };

/** How far below the MQL threshold a lead counts as "near" it, for the marketers' review. */
export const REVIEW_MARGIN = 0.75;

export function reviewMinimumScore(threshold: number): number {
  return Math.floor(threshold * REVIEW_MARGIN);
}

function view(id: string, filters: Partial<LeadTableFilters>, sort: LeadTableState["sort"]): string {
  return leadTableQuery({ ...DEFAULT_TABLE_STATE, filters: { ...EMPTY_FILTERS, ...filters }, sort, view: id });
}

/** The views every team starts with; one per role opens when the table is opened without a query. */
export function builtInViews(mqlThreshold: number): BuiltInView[] {
  return [
    {
      id: "review",
      name: "Ready for MQL review",
      description: `Leads scoring ${reviewMinimumScore(mqlThreshold)} or more (the MQL threshold is ${mqlThreshold}), highest first.`,
      query: view("review", { stages: ["LEAD"], score: { min: reviewMinimumScore(mqlThreshold), max: null } }, { column: "totalScore", direction: "desc" }),
      defaultFor: ["MARKETER"],
    },
    {
      id: "my-queue",
      name: "My queue",
      description: "MQLs routed to me to accept or reject, and my SALs to qualify; longest waiting first.",
      query: view("my-queue", { stages: ["MQL", "SAL"], owner: "me" }, { column: "stageEnteredAt", direction: "asc" }),
      defaultFor: ["SALES"],
    },
    {
      id: "overdue",
      name: "Overdue",
      description: "MQLs nobody accepted or rejected within the response SLA; longest waiting first.",
      query: view("overdue", { stages: ["MQL"], overdue: true }, { column: "stageEnteredAt", direction: "asc" }),
      defaultFor: ["MANAGER"],
    },
    {
      id: "unassigned",
      name: "Unassigned MQLs",
      description: "MQLs routing could not give to a rep (no rep in the territory, or all at their cap).",
      query: view("unassigned", { stages: ["MQL"], owner: "unassigned" }, { column: "stageEnteredAt", direction: "asc" }),
      defaultFor: [],
    },
    {
      id: "all",
      name: "All leads",
      description: "Every lead, highest score first.",
      query: view("all", {}, { column: "totalScore", direction: "desc" }),
      defaultFor: ["ADMIN"],
    },
  ];
}

export function defaultViewFor(role: Role, mqlThreshold: number): BuiltInView {
  const views = builtInViews(mqlThreshold);
  return views.find((candidate) => candidate.defaultFor.includes(role)) ?? views[views.length - 1];
}

export const VIEW_NAME_MAX_LENGTH = 60;

export const savedViewInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the view a name.").max(VIEW_NAME_MAX_LENGTH, `A view name can be at most ${VIEW_NAME_MAX_LENGTH} characters.`),
  shared: z.boolean(),
  query: z.string().max(4_000, "This view has too many filters to save."),
});
export type SavedViewInput = z.infer<typeof savedViewInputSchema>;

/** What a saved view stores: the table state without its page or view marker, in canonical form. */
export function canonicalViewQuery(query: string): string {
  return leadTableQuery(parseLeadTableQuery(new URLSearchParams(query)).state, { includePage: false, includeView: false });
}
