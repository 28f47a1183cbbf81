"use client";

import type { ReactNode } from "react";
import { BarChart } from "recharts";
import { ChartFrame } from "@/components/dashboard/chart-frame";

/** The lab's bar charts share their frame, size and margins; `label` says in words what the bars show. */
export function LabBarChart({ data, label, children }: { data: object[]; label: string; children: ReactNode }) {
  return (
    <ChartFrame height={240}>
      <BarChart data={data} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 16, left: 0 }} aria-label={label}>
        {children}
      </BarChart>
    </ChartFrame>
  );
}
