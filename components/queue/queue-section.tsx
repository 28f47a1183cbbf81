"use client";

import { useRouter, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { SectionState } from "./queue-state";
import { moreRowsHref } from "./queue-url";

type Props = {
  section: SectionState;
  /** Rows shown, the leads just moved and kept in place included. */
  shownCount: number;
  title: string;
  description: string;
  emptyText: string;
  /** Overdue MQLs in the section right now; null where the SLA does not apply. */
  overdue: number | null;
  children: ReactNode;
};

const numberFormat = new Intl.NumberFormat("en-US");

/** One part of the queue, with its count, its rows and "Load more" (kept in the URL). */
export function QueueSection({ section, shownCount, title, description, emptyText, overdue, children }: Props) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [loading, startLoading] = useTransition();
  const headingId = `queue-${section.id}`;
  const remaining = section.total - section.rows.length;

  return (
    <section aria-labelledby={headingId} data-testid={`queue-section-${section.id}`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}{" "}
            <span className="ml-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold tabular-nums text-slate-700" data-testid="section-count">
              {numberFormat.format(section.total)}
            </span>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{description}</p>
        </div>
        {overdue !== null && overdue > 0 && (
          <p className="text-sm font-medium text-red-700" data-testid="section-overdue">
            {numberFormat.format(overdue)} overdue
          </p>
        )}
      </header>
      {shownCount === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-labelledby={headingId}>
          {children}
        </ol>
      )}
      {remaining > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
          <p>
            Showing the oldest {numberFormat.format(section.rows.length)} of {numberFormat.format(section.total)}.
          </p>
          {section.nextLimit === null ? (
            <p>Use the Leads table for the rest.</p>
          ) : (
            <Button
              variant="secondary"
              disabled={loading}
              onClick={() => startLoading(() => router.push(moreRowsHref(searchParams, section.id, section.nextLimit ?? 0), { scroll: false }))}
            >
              {loading ? "Loading…" : `Load more (${numberFormat.format(remaining)} more)`}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
