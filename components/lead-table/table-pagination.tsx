"use client";

import type { PageSize } from "@/lib/core/lead-table";
import { PAGE_SIZES } from "@/lib/core/lead-table";
import { Button } from "@/components/ui/button";

type Props = { page: number; pageCount: number; pageSize: PageSize; total: number; onPage: (page: number) => void; onPageSize: (size: PageSize) => void };

const numberFormat = new Intl.NumberFormat("en-US");

export function TablePagination({ page, pageCount, pageSize, total, onPage, onPageSize }: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white px-4 py-2 text-sm sm:px-6">
      <p className="text-slate-600" aria-live="polite">
        {numberFormat.format(first)}–{numberFormat.format(last)} of {numberFormat.format(total)} leads
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-slate-600">
          Rows per page
          <select value={pageSize} onChange={(event) => onPageSize(Number(event.target.value) as PageSize)} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={() => onPage(1)} disabled={page <= 1} aria-label="First page">
          «
        </Button>
        <Button variant="secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <span className="tabular-nums text-slate-700">
          Page {numberFormat.format(page)} of {numberFormat.format(pageCount)}
        </span>
        <Button variant="secondary" onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
          Next
        </Button>
        <Button variant="secondary" onClick={() => onPage(pageCount)} disabled={page >= pageCount} aria-label="Last page">
          »
        </Button>
      </div>
    </nav>
  );
}
