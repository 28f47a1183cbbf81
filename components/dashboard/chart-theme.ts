import type { FunnelStage } from "@/lib/core/metrics/types";

/** Stage colours for charts: the same hues as StageBadge's pills, strong enough to fill a bar. */
export const STAGE_COLORS: Record<FunnelStage, string> = {
  LEAD: "#94a3b8",
  MQL: "#0ea5e9",
  SAL: "#6366f1",
  SQL: "#8b5cf6",
  WON: "#10b981",
};

export const OUTCOME_COLORS = {
  within: "#10b981",
  late: "#f43f5e",
  waiting: "#94a3b8",
  median: "#4f46e5",
  p90: "#a5b4fc",
};

export const AXIS_TICK = { fill: "#475569", fontSize: 12 };
export const GRID_STROKE = "#e2e8f0";
/** A title under the x axis. */
export function axisTitle(value: string) {
  return { value, position: "insideBottom" as const, offset: -10, fill: "#64748b", fontSize: 12 };
}
/** The hover band behind a bar group. */
export const CURSOR_FILL = { fill: "#f1f5f9" };
