import type { QueueSectionId } from "@/lib/views/funnel";

/** Another rep's queue, every section at its first page; "all reps" is the default and stays out of the URL. */
export function repQueueHref(rep: string): string {
  return rep === "all" ? "/queue" : `/queue?${new URLSearchParams({ rep })}`;
}

/** The same queue with more rows in one section. */
export function moreRowsHref(current: URLSearchParams, section: QueueSectionId, rows: number): string {
  const params = new URLSearchParams(current);
  params.set(section, String(rows));
  return `/queue?${params}`;
}
