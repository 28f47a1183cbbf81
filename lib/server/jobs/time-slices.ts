import "server-only";
import { performance } from "node:perf_hooks";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

// A slice of background work holds the one thread (and SQLite's write lock) for about this
// long; requests that arrive meanwhile wait at most that, and are answered in the pause after it.
const SLICE_TARGET_MS = 15;
// After each slice the job lets waiting callbacks run. If they took longer than this, requests
// are being served: the job then steps aside for as long as the slice took (at least
// MIN_PAUSE_MS), since one event-loop turn is not enough for a request that awaits its body,
// the session and the store. An idle server gets the job at full speed.
const BUSY_TURN_MS = 1;
const MIN_PAUSE_MS = 2;

/**
 * Sizes slices of background work (rows of an import, leads of a re-score) so each takes about
 * SLICE_TARGET_MS on this machine, whatever a row costs, and pauses between them while requests
 * are waiting, so a big import or re-score leaves the API and pages their speed. Under load the
 * job's throughput halves at most; a script with no requests to serve turns the pauses off.
 */
export class TimeSlices {
  private size: number;

  constructor(
    initialSize: number,
    private readonly limits: { min: number; max: number; pause: boolean },
  ) {
    this.size = initialSize;
  }

  /** Runs one slice of `size` items and then pauses; the next slice is sized by how long this one took. */
  async run<T>(slice: (size: number) => T): Promise<T> {
    const started = performance.now();
    const result = slice(this.size);
    const elapsed = performance.now() - started;
    const perItem = elapsed / Math.max(1, this.size);
    const ideal = perItem > 0 ? Math.round(SLICE_TARGET_MS / perItem) : this.limits.max;
    // Grow gently (a slice can be slow for reasons of its own), shrink at once.
    this.size = Math.max(this.limits.min, Math.min(this.limits.max, ideal, this.size * 2));
    if (this.limits.pause) {
      const turn = performance.now();
      await nextTurn();
      if (performance.now() - turn > BUSY_TURN_MS) await sleep(Math.max(MIN_PAUSE_MS, elapsed));
    }
    return result;
  }
}
