import "server-only";
import type { ZodSafeParseResult } from "zod";
import { computeDashboard } from "@/lib/core/metrics/dashboard";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { dashboardFiltersSchema, rangeOf } from "@/lib/core/metrics/segment";
import type { DashboardMetrics } from "@/lib/core/metrics/types";
import { reasonLabels } from "../settings/reason-lists";
import { metricsStore } from "./metrics-store";
import { slaSettings } from "../settings/workflow-settings";
import { DAY_MS } from "@/lib/core/time";

export const DEFAULT_RANGE_DAYS = 90;

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The dashboard's filters from query parameters. Without `to`, the range ends today (UTC);
 * without `from`, it is the 90 days ending on `to` (both days included).
 */
export function dashboardFiltersFromQuery(params: URLSearchParams, now = new Date()): ZodSafeParseResult<DashboardFilters> {
  const query = Object.fromEntries(params);
  const to = query.to ?? isoDay(now.getTime());
  const end = dashboardFiltersSchema.shape.to.safeParse(to).success ? Date.parse(to) : now.getTime();
  const from = query.from ?? isoDay(end - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  return dashboardFiltersSchema.safeParse({ ...query, from, to });
}

/**
 * The manager dashboard's figures for a date range and segment, computed from the stored leads
 * and transitions as they are now: the page, the exports and GET /api/v1/metrics/funnel call this.
 */
export async function dashboardMetrics(filters: DashboardFilters, now = new Date()): Promise<DashboardMetrics> {
  const { from, to, ...segment } = filters;
  const { mqlResponseHours } = await slaSettings();
  const { leads, transitions } = await metricsStore.snapshot(segment);
  const metrics = computeDashboard({ leads, transitions, range: rangeOf({ from, to }), now: now.getTime(), slaHours: mqlResponseHours });
  const [disqualification, reject] = await Promise.all([reasonLabels("disqualification"), reasonLabels("reject")]);
  return withReasonLabels(metrics, { disqualified: disqualification, sentBack: reject });
}

/**
 * Disqualifications and rejections (among the leads sent back) are grouped by their reason code;
 * people read the code's label from its managed list. Written reasons have no code and stay as written.
 */
function withReasonLabels(metrics: DashboardMetrics, labels: Record<"disqualified" | "sentBack", ReadonlyMap<string, string>>): DashboardMetrics {
  const labelled = (kind: "disqualified" | "sentBack", losses: (typeof metrics.funnel)[number]["losses"]) => ({
    ...losses[kind],
    reasons: losses[kind].reasons.map((reason) => ({ ...reason, reason: labels[kind].get(reason.reason) ?? reason.reason })),
  });
  return {
    ...metrics,
    funnel: metrics.funnel.map((step) => ({
      ...step,
      losses: { ...step.losses, disqualified: labelled("disqualified", step.losses), sentBack: labelled("sentBack", step.losses) },
    })),
  };
}
