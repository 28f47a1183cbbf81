"use client";

import type { KeyboardEvent } from "react";
import { useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { RowSelectionState, SortingState, Updater } from "@tanstack/react-table";
import { useTable } from "@tanstack/react-table";
import type { LeadColumnId, LeadSort, SortableColumnId } from "@/lib/core/lead-table";
import { isSortableColumn, LEAD_TABLE_COLUMNS } from "@/lib/core/lead-table";
import type { LeadTableRow } from "@/lib/views/leads";
import { useLeadHref } from "@/components/leads/use-lead-href";
import { leadColumns, leadTableFeatures } from "./lead-columns";

type Props = {
  rows: LeadTableRow[];
  sort: LeadSort;
  columns: LeadColumnId[];
  selected: ReadonlySet<string>;
  onSelectionChange: (ids: string[], selected: boolean) => void;
  onSort: (sort: LeadSort) => void;
  pending: boolean;
  now: string;
  slaHours: number;
  emptyMessage: string;
};

const ALL_COLUMN_IDS = LEAD_TABLE_COLUMNS.map((column) => column.id);

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/**
 * The rows of the lead table. Sorting, paging and filtering happen on the server, so the
 * table runs in manual mode and hands sort changes back as navigation. Keyboard: ↑/↓ (or j/k)
 * move between rows, Home/End jump, Enter opens the lead, Space or x selects it.
 */
export function LeadTableGrid({ rows, sort, columns, selected, onSelectionChange, onSort, pending, now, slaHours, emptyMessage }: Props) {
  const router = useRouter();
  const leadHref = useLeadHref();
  const columnDefs = useMemo(() => leadColumns({ now, slaHours, leadHref }), [now, slaHours, leadHref]);
  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === "desc" }];
  const rowSelection: RowSelectionState = Object.fromEntries(rows.filter((row) => selected.has(row.id)).map((row) => [row.id, true]));
  const columnVisibility = Object.fromEntries(ALL_COLUMN_IDS.map((id) => [id, columns.includes(id)]));

  const table = useTable({
    features: leadTableFeatures,
    columns: columnDefs,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, rowSelection, columnVisibility, columnOrder: columns },
    onSortingChange: (updater) => {
      const [next] = apply(updater, sorting);
      if (next && isSortableColumn(next.id)) onSort({ column: next.id as SortableColumnId, direction: next.desc ? "desc" : "asc" });
    },
    onRowSelectionChange: (updater) => {
      const next = apply(updater, rowSelection);
      const added = rows.filter((row) => next[row.id] && !rowSelection[row.id]).map((row) => row.id);
      const removed = rows.filter((row) => !next[row.id] && rowSelection[row.id]).map((row) => row.id);
      if (added.length > 0) onSelectionChange(added, true);
      if (removed.length > 0) onSelectionChange(removed, false);
    },
  });

  const [focusIndex, setFocusIndex] = useState(0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setFocusIndex(clamped);
    bodyRef.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row]")[clamped]?.focus();
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: LeadTableRow) => {
    if (event.target !== event.currentTarget) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(index + 1),
      j: () => focusRow(index + 1),
      ArrowUp: () => focusRow(index - 1),
      k: () => focusRow(index - 1),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      Enter: () => router.push(leadHref(row.id)),
      " ": () => onSelectionChange([row.id], !selected.has(row.id)),
      x: () => onSelectionChange([row.id], !selected.has(row.id)),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const allOnPage = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someOnPage = rows.some((row) => selected.has(row.id));
  const visibleColumns = table.getVisibleLeafColumns();

  return (
    <div className="relative min-h-0 flex-1 overflow-auto" aria-busy={pending}>
      <table className={`min-w-full border-separate border-spacing-0 text-sm transition-opacity ${pending ? "opacity-60" : ""}`} aria-label="Leads" aria-rowcount={rows.length}>
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr>
            <th scope="col" className="w-10 border-b border-slate-200 px-3 py-2">
              <input
                type="checkbox"
                aria-label={allOnPage ? "Clear the selection on this page" : "Select all leads on this page"}
                checked={allOnPage}
                ref={(input) => {
                  if (input) input.indeterminate = someOnPage && !allOnPage;
                }}
                onChange={() => onSelectionChange(rows.map((row) => row.id), !allOnPage)}
                className="size-4 rounded border-slate-300"
              />
            </th>
            {table.getHeaderGroups()[0].headers.map((header) => {
              const direction = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                  className="whitespace-nowrap border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                >
                  {header.column.getCanSort() ? (
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500">
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className={direction ? "text-brand-700" : "text-slate-300"}>
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {table.getRowModel().rows.map((row, index) => {
            const isSelected = row.getIsSelected();
            return (
              <tr
                key={row.id}
                data-row
                data-lead-id={row.id}
                tabIndex={index === Math.min(focusIndex, rows.length - 1) ? 0 : -1}
                aria-selected={isSelected}
                onFocus={() => setFocusIndex(index)}
                onKeyDown={(event) => onRowKeyDown(event, index, row.original)}
                className={`outline-none focus-visible:bg-brand-50 focus-visible:shadow-[inset_3px_0_0_var(--color-brand-600)] ${isSelected ? "bg-brand-50/60" : "hover:bg-slate-50"}`}
              >
                <td className="border-b border-slate-100 px-3 py-2">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select ${row.original.name}`}
                    checked={isSelected}
                    onChange={(event) => row.toggleSelected(event.target.checked)}
                    className="size-4 rounded border-slate-300"
                  />
                </td>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="max-w-64 truncate whitespace-nowrap border-b border-slate-100 px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && (
        <div className="px-6 py-16 text-center">
          <p className="font-medium text-slate-800">No leads match</p>
          <p className="mt-1 text-sm text-slate-600">{emptyMessage}</p>
        </div>
      )}
      {visibleColumns.length === 0 && <p className="p-4 text-sm text-slate-600">All columns are hidden; choose some under Columns.</p>}
    </div>
  );
}
