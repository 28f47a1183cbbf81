import "server-only";

/*
 * SQLite lets one connection write at a time, and a connection that finds the file locked
 * sleeps and retries (1, 2, 5, 10… ms), which blocks the thread it runs on. A background thread
 * (an import, a re-score) writing slice after slice would win that race again and again, and a
 * request thread waiting on it would stall every request behind it. So writers take turns
 * through two counters shared by the threads of this process:
 * - the request thread counts its writes in progress (FOREGROUND) and, before writing, waits for
 *   a background slice already under way to end: at most one slice (about 10 ms);
 * - a background thread writes a slice only while no foreground write is in progress or waiting
 *   and no other background thread writes (BACKGROUND is 1 while one does), and steps back if a
 *   foreground write arrived as it started.
 * Both sides publish first and check second (Dekker's order, with sequentially consistent
 * atomics), so they never write at once; the request thread never steps back, so it never starves.
 * The checkpointer thread takes a background turn now and then too (wal-checkpointer.ts): the
 * log only starts over once a checkpoint has copied every frame, which never happens while
 * another thread keeps appending.
 */

const FOREGROUND = 0;
const BACKGROUND = 1;
// How many foreground writes began, ever: a background thread that sees it move knows requests
// are writing, and leaves them gaps.
const FOREGROUND_WRITES = 2;
// Bounds on the waits: turns are about fairness (SQLite's own lock keeps writes apart), so a
// thread that died mid-slice, or a turn never given back, only costs the other side this long.
const FOREGROUND_MAX_WAIT_MS = 250;
const BACKGROUND_MAX_WAIT_MS = 2_000;
const KEEP_ALIVE_MARGIN_MS = 1_000;

/** Waits while counters[index] is not `until`, at most maxMs. */
function waitUntil(counters: Int32Array, index: number, until: number, maxMs: number): void {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const value = Atomics.load(counters, index);
    const left = deadline - performance.now();
    if (value === until || left <= 0) return;
    Atomics.wait(counters, index, value, left);
  }
}

/** waitUntil, letting the thread go on with other work meanwhile. */
async function waitUntilSoon(counters: Int32Array, index: number, until: number, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const value = Atomics.load(counters, index);
    const left = deadline - performance.now();
    if (value === until || left <= 0) return;
    const waited = Atomics.waitAsync(counters, index, value, left);
    if (!waited.async) continue;
    // An Atomics wait keeps no process alive: a script whose only work is the write waiting here
    // would end. The timer outlasts the wait's own time-out, which then always comes first.
    const keepAlive = setTimeout(() => {}, left + KEEP_ALIVE_MARGIN_MS);
    await waited.value;
    clearTimeout(keepAlive);
  }
}

type Turns = { counters: Int32Array; background: boolean };
const globalForTurns = globalThis as unknown as { leadgateWriteTurns?: Turns };

function turns(): Turns {
  return (globalForTurns.leadgateWriteTurns ??= { counters: new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)), background: false });
}

/** The counters, for a background thread this process starts. */
export function sharedWriteTurns(): SharedArrayBuffer {
  return turns().counters.buffer as SharedArrayBuffer;
}

/** Makes this thread a background writer taking turns with the thread that shared `buffer`. */
export function joinWriteTurnsAsBackground(buffer: SharedArrayBuffer): void {
  globalForTurns.leadgateWriteTurns = { counters: new Int32Array(buffer), background: true };
}

export function isBackgroundThread(): boolean {
  return turns().background;
}

/**
 * Marks a foreground write as started, waiting for a background slice under way to end, and
 * returns the function that marks it finished. For writes that span awaits (an ORM transaction).
 */
export function beginForegroundWrite(): () => void {
  const { counters } = turns();
  announceForegroundWrite(counters);
  waitUntil(counters, BACKGROUND, 0, FOREGROUND_MAX_WAIT_MS);
  return foregroundWriteEnd(counters);
}

/**
 * beginForegroundWrite for a write that starts with an await anyway (a store transaction): while
 * a background slice or checkpoint ends, the thread goes on with other requests' work instead
 * of blocking in the wait.
 */
export async function beginForegroundWriteSoon(): Promise<() => void> {
  const { counters } = turns();
  announceForegroundWrite(counters);
  await waitUntilSoon(counters, BACKGROUND, 0, FOREGROUND_MAX_WAIT_MS);
  return foregroundWriteEnd(counters);
}

function announceForegroundWrite(counters: Int32Array): void {
  Atomics.add(counters, FOREGROUND, 1);
  Atomics.add(counters, FOREGROUND_WRITES, 1);
}

function foregroundWriteEnd(counters: Int32Array): () => void {
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (Atomics.sub(counters, FOREGROUND, 1) === 1) Atomics.notify(counters, FOREGROUND);
  };
}

/** A number that changes whenever the request thread starts a write. */
export function foregroundWriteCount(): number {
  return Atomics.load(turns().counters, FOREGROUND_WRITES);
}

/** Takes the background turn (one background thread at a time); false if it was not had in time. */
function takeBackgroundTurn(counters: Int32Array): boolean {
  const deadline = performance.now() + BACKGROUND_MAX_WAIT_MS;
  const left = () => Math.max(0, deadline - performance.now());
  for (;;) {
    waitUntil(counters, FOREGROUND, 0, left());
    if (Atomics.compareExchange(counters, BACKGROUND, 0, 1) === 0) {
      if (Atomics.load(counters, FOREGROUND) === 0) return true;
      giveBackgroundTurnBack(counters);
    } else {
      waitUntil(counters, BACKGROUND, 0, left());
    }
    if (left() === 0) return false;
  }
}

function giveBackgroundTurnBack(counters: Int32Array): void {
  Atomics.store(counters, BACKGROUND, 0);
  Atomics.notify(counters, BACKGROUND);
}

/**
 * Takes this background thread's turn, waiting for request writes under way, and returns the
 * function that gives it back. For writes that span awaits (a store transaction).
 */
export function beginBackgroundWrite(): () => void {
  const { counters } = turns();
  let held = takeBackgroundTurn(counters);
  return () => {
    if (!held) return;
    held = false;
    giveBackgroundTurnBack(counters);
  };
}

function inBackgroundTurn<T>(work: () => T): T {
  const end = beginBackgroundWrite();
  try {
    return work();
  } finally {
    end();
  }
}

/** Runs a synchronous write in this thread's turn. */
export function inWriteTurn<T>(work: () => T): T {
  if (isBackgroundThread()) return inBackgroundTurn(work);
  const end = beginForegroundWrite();
  try {
    return work();
  } finally {
    end();
  }
}
