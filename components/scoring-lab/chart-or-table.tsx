"use client";

import type { ReactNode } from "react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = { title: string; description: ReactNode; chart: ReactNode; table: ReactNode; testId?: string };

/** One figure of the lab: a chart, and the same numbers as a table for those who'd rather read them. */
export function ChartOrTable({ title, description, chart, table, testId }: Props) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  return (
    <figure aria-labelledby={headingId} className="min-w-0" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 max-w-2xl">
          <h5 id={headingId} className="text-sm font-semibold text-slate-900">
            {title}
          </h5>
          <div className="mt-0.5 text-xs text-slate-600">{description}</div>
        </div>
        <Button variant="secondary" className="py-1 text-xs" aria-pressed={showTable} onClick={() => setShowTable((shown) => !shown)}>
          Table view
        </Button>
      </div>
      <div className="mt-2">{showTable ? table : chart}</div>
    </figure>
  );
}
