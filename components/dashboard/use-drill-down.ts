"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import type { DrillDown } from "@/lib/core/metrics/drill-down";
import { drillDownHref } from "@/lib/core/metrics/drill-down";
import type { DashboardFilters } from "@/lib/core/metrics/segment";

export type DrillDownApi = {
  /** The lead table showing exactly those leads, or null when the table can't express it. */
  href: (drill: DrillDown) => string | null;
  /** Opens that lead table, if there is one. */
  open: (drill: DrillDown) => void;
};

/** Links from a bar or a table cell to the leads behind it, within the dashboard's filters. */
export function useDrillDown(filters: DashboardFilters): DrillDownApi {
  const router = useRouter();
  return useMemo(
    () => ({
      href: (drill) => drillDownHref(filters, drill),
      open: (drill) => {
        const href = drillDownHref(filters, drill);
        if (href) router.push(href);
      },
    }),
    [filters, router],
  );
}
