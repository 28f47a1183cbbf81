import "server-only";
import { performance } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { foregroundWriteCount, isBackgroundThread } from "../store/write-turns";

// A slice of background work on the request thread holds that thread (and SQLite's write lock)
// for about this long; requests that arrive meanwhile wait at most that, and are answered in
// the pause after it.
const SLICE_TARGET_MS = 15;
// On a thread of its own on SQLite a slice only holds the write lock, but every request that writes
// meanwhile waits for it with its thread blocked (sql/write-turns.ts), so slices are short,
// and while requests write (one did in the last REQUESTS_WRITING_MS) the thread rests three
// times as long as it worked: a request then finds the lock free three times in four.
const BACKGROUND_SLICE_TARGET_MS = 2;
const REQUESTS_WRITING_MS = 100;
const BACKGROUND_REST_RATIO = 3;
// A thread of its own on PostgreSQL holds neither the request thread nor a database-wide lock,
// only the rows its slice writes: slices are as big as the limits allow, up to about this long.
const OWN_THREAD_SLICE_TARGET_MS = 250;
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
 * On a background thread sharing SQLite's write lock, slices are shorter, and it rests between
 * them while the request thread is writing; on a thread of its own on PostgreSQL, they are long.
 */
export class TimeSlices {
  private size: number;
  private foregroundWrites = foregroundWriteCount();
  private foregroundWroteAt = -Infinity;

  constructor(
    initialSize: number,
    private readonly limits: { min: number; max: number; pause: boolean },
  ) {
    this.size = initialSize;
  }

  /** Runs one slice of `size` items and then pauses; the next slice is sized by how long this one took. */
  async run<T>(slice: (size: number) => T | Promise<T>): Promise<T> {
    // What a slice costs is how long it keeps this thread busy, not how long it lasts: a slice
    // on SQLite runs synchronously, so the two are the same, but one on PostgreSQL mostly waits
    // for the server, and the thread serves requests meanwhile.
    const loop = performance.eventLoopUtilization();
    const result = await slice(this.size);
    const elapsed = performance.eventLoopUtilization(loop).active;
    const perItem = elapsed / Math.max(1, this.size);
    const target = isBackgroundThread() ? BACKGROUND_SLICE_TARGET_MS : isMainThread ? SLICE_TARGET_MS : OWN_THREAD_SLICE_TARGET_MS;
    const ideal = perItem > 0 ? Math.round(target / perItem) : this.limits.max;
    // Grow gently (a slice can be slow for reasons of its own), shrink at once.
    this.size = Math.max(this.limits.min, Math.min(this.limits.max, ideal, this.size * 2));
    if (this.limits.pause) await this.pause(elapsed);
    return result;
  }

  private async pause(elapsed: number): Promise<void> {
    if (isBackgroundThread()) {
      const writes = foregroundWriteCount();
      if (writes !== this.foregroundWrites) this.foregroundWroteAt = performance.now();
      this.foregroundWrites = writes;
      if (performance.now() - this.foregroundWroteAt < REQUESTS_WRITING_MS) await sleep(Math.max(1, BACKGROUND_REST_RATIO * elapsed));
      return;
    }
    const turn = performance.now();
    await nextTurn();
    if (performance.now() - turn > BUSY_TURN_MS) await sleep(Math.max(MIN_PAUSE_MS, elapsed));
  }
}
