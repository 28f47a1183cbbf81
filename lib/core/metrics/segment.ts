import { z } from "zod";
import type { MetricsLead } from "./types";
import { DAY_MS } from "../time";

/*
 * The dashboard's filters: the date range and the segment (source, owner, industry, country,
 * company size). The page, the API and the drill-down links all read them from the same query
 * parameters with this schema.
 */

export const COMPANY_SIZE_BANDS = [
  { id: "1-49", label: "1–49 employees", min: 1, max: 49 },
  { id: "50-199", label: "50–199 employees", min: 50, max: 199 },
  { id: "200-999", label: "200–999 employees", min: 200, max: 999 },
  { id: "1000+", label: "1,000+ employees", min: 1000, max: null },
] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number]["id"];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(DAY, { error: "Use a date like 2026-11-24.", abort: true })
  .refine((value) => {
    // Month 13 is an invalid date, February 30 a valid one in March: neither reads back the same.
    const at = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
  }, { error: "Not a real date.", abort: true });

export const dashboardFiltersSchema = z
  .strictObject({
    /** First day of the range (UTC, inclusive). */
    from: day,
    /** Last day of the range (UTC, inclusive). */
    to: day,
    source: z.string().trim().min(1).max(100).optional(),
    /** A user id, or "unassigned". */
    owner: z.string().trim().min(1).max(100).optional(),
    industry: z.string().trim().min(1).max(100).optional(),
    country: z.string().trim().min(1).max(100).optional(),
    companySize: z.enum(COMPANY_SIZE_BANDS.map((band) => band.id) as [CompanySizeBand, ...CompanySizeBand[]], { error: "Company size is one of 1-49, 50-199, 200-999, 1000+." }).optional(),
  })
  .refine((filters) => filters.from <= filters.to, { path: ["to"], message: "The range ends before it starts." })
  .refine((filters) => Date.parse(filters.to) - Date.parse(filters.from) <= 3 * 366 * DAY_MS, { path: ["to"], message: "A range can span at most three years." });
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** The range as instants: from the start of `from` to the end of `to` (exclusive), UTC. */
export function rangeOf(filters: Pick<DashboardFilters, "from" | "to">): { from: number; to: number } {
  return { from: Date.parse(`${filters.from}T00:00:00Z`), to: Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS };
}

/** Whether a lead belongs to the chosen segment (the range is applied by each metric). */
export function inSegment(lead: MetricsLead, filters: Omit<DashboardFilters, "from" | "to">): boolean {
  if (filters.source && lead.source !== filters.source) return false;
  if (filters.owner && (filters.owner === "unassigned" ? lead.ownerId !== null : lead.ownerId !== filters.owner)) return false;
  if (filters.industry && lead.industry !== filters.industry) return false;
  if (filters.country && lead.country !== filters.country) return false;
  if (filters.companySize) {
    const band = COMPANY_SIZE_BANDS.find((candidate) => candidate.id === filters.companySize)!;
    if (lead.companySize === null || lead.companySize < band.min || (band.max !== null && lead.companySize > band.max)) return false;
  }
  return true;
}
