"use client";

import { useRef, useState } from "react";
import type { BulkOutcome, BulkRowResult } from "@/lib/core/bulk";
import { BULK_BATCH_SIZE } from "@/lib/core/bulk";
import type { ActionResult } from "@/lib/server/errors";

export type BulkRun = {
  label: string;
  processed: number;
  total: number;
  running: boolean;
  rows: BulkRowResult[];
  /** Why the run stopped early, if it did; rows before it stay done. */
  error: string | null;
  cancelled: boolean;
};

/**
 * Runs a bulk action over many leads as consecutive server calls of one batch each, so every
 * batch is one transaction, progress is visible, and a cancel stops before the next batch.
 */
export function useBulkRunner() {
  const [run, setRun] = useState<BulkRun | null>(null);
  const cancelled = useRef(false);

  const start = async (label: string, ids: readonly string[], perform: (batch: string[]) => Promise<ActionResult<BulkOutcome>>): Promise<BulkRun> => {
    cancelled.current = false;
    let state: BulkRun = { label, processed: 0, total: ids.length, running: true, rows: [], error: null, cancelled: false };
    setRun(state);
    for (let start = 0; start < ids.length; start += BULK_BATCH_SIZE) {
      if (cancelled.current) {
        state = { ...state, cancelled: true };
        break;
      }
      const batch = ids.slice(start, start + BULK_BATCH_SIZE);
      const result = await perform(batch);
      if (!result.ok) {
        state = { ...state, error: result.error.message };
        break;
      }
      state = { ...state, processed: state.processed + batch.length, rows: [...state.rows, ...result.data.rows] };
      setRun(state);
    }
    state = { ...state, running: false };
    setRun(state);
    return state;
  };

  return { run, start, cancel: () => (cancelled.current = true), dismiss: () => setRun(null), fail: (label: string, error: string) => setRun({ label, processed: 0, total: 0, running: false, rows: [], error, cancelled: false }) };
}
