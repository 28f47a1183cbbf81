import { calibrationBands } from "./calibration";
import { cohortRows } from "./cohorts";
import { funnelSteps, mqlToSql } from "./funnel";
import { groupByLead } from "./history";
import { repRows } from "./reps";
import { slaMetrics } from "./sla";
import { speedToLead } from "./speed-to-lead";
import { campaignRows, sourceRows } from "./sources";
import { trendRows } from "./trend";
import type { DashboardMetrics, MetricsInput } from "./types";
import { wonValue } from "./won-value";
import { velocity } from "./velocity";

/**
 * Every figure of the manager dashboard for leads already filtered to the segment, from all of
 * their transitions. Each figure is defined where it is computed (funnel.ts, velocity.ts, …).
 */
export function computeDashboard(input: MetricsInput): DashboardMetrics {
  const { range, now, slaHours } = input;
  const histories = groupByLead(input);
  return {
    range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
    funnel: funnelSteps(histories, range),
    mqlToSql: mqlToSql(histories, range),
    velocity: velocity(histories, range),
    sla: slaMetrics(histories, range, now, slaHours),
    speedToLead: speedToLead(histories, range),
    sources: sourceRows(histories, range),
    campaigns: campaignRows(histories, range),
    reps: repRows(histories, range),
    cohorts: cohortRows(histories, range),
    trend: trendRows(histories, range),
    calibration: calibrationBands(histories, range),
    wonValue: wonValue(histories, range),
  };
}
