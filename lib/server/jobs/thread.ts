import "server-only";
import { Worker } from "node:worker_threads";
import type { ErrorCode, FieldErrors } from "../errors";
import { AppError } from "../errors";
import { sharedWriteTurns } from "../store/write-turns";
import { runnerId } from "./runner";
import type { ThreadTasks } from "./thread-tasks";

type Outcome = { ok: true; value: unknown } | { ok: false; error: { appError?: { code: ErrorCode; fieldErrors?: FieldErrors; details?: unknown }; name?: string; message: string; stack?: string } };

// A background thread's CPU priority (nice): when it and the request thread both want a core,
// the request thread gets about nine tenths of it.
const BACKGROUND_NICENESS = 10;

// A thread's heap limit: room for the file it reads (its text, a copy on its way in, and the
// slice of rows being imported; the rows are read a slice at a time) and the work around it.
// Without one it inherits the server's (256 MB) and, having that much room, collects late: an
// import's thread held 150 MB of garbage and took the server's memory past 600 MB
// (BENCHMARKS.md, "Soak").
const HEAP_BASE_MB = 48;
const HEAP_PER_FILE_MB = 4;
const HEAP_MAX_MB = 256;
// Short-lived objects (a slice's rows and statements' results) get a small space of their own:
// collected often and cheaply, instead of V8's default of up to 16 MB per half.
const YOUNG_HEAP_MB = 4;

function threadHeapMb(fileChars: number): number {
  return Math.min(HEAP_MAX_MB, HEAP_BASE_MB + Math.ceil((HEAP_PER_FILE_MB * fileChars) / 2 ** 20));
}

// The thread's whole program, passed as source (eval) so the bundler leaves it alone. It loads
// the task from the app's TypeScript sources through tsx (a dependency, which the scripts use
// too), the same modules the server is built from, with the server-only condition they expect.
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const path = require("node:path");
// Background work yields the processor to requests: this thread (its Linux thread id, from
// /proc/thread-self) gets a lower priority than the rest of the process. Elsewhere it keeps the
// process's.
try {
  const threadId = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  require("node:os").setPriority(threadId, workerData.niceness);
} catch {}
const appRequire = createRequire(path.join(workerData.root, "package.json"));
appRequire("tsx/cjs/api").register();
const { runThreadTask } = appRequire("./lib/server/jobs/thread-tasks.ts");
Promise.resolve()
  .then(() => runThreadTask(workerData.task, workerData.input, workerData.writeTurns, workerData.runner))
  .then(
    (value) => parentPort.postMessage({ ok: true, value }),
    (error) => {
      const appError = error && error.name === "AppError" ? { code: error.code, fieldErrors: error.fieldErrors, details: error.details } : undefined;
      parentPort.postMessage({ ok: false, error: { appError, name: error && error.name, message: String((error && error.message) || error), stack: error && error.stack } });
    },
  );
`;

/**
 * Runs one of the ThreadTasks on a thread of its own, started for it and ended after it, and
 * resolves with its result. Parsing a big file, importing it and re-scoring every lead then use
 * the machine's other core, and the request thread only answers requests meanwhile; the thread
 * writes through its own SQLite connection, taking turns with the request thread's writes
 * (sql/write-turns.ts). Its expected failures (AppError) come back as such.
 */
export function runOnThread<K extends keyof ThreadTasks>(task: K, input: Parameters<ThreadTasks[K]>[0], work: { fileChars: number }): Promise<Awaited<ReturnType<ThreadTasks[K]>>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PROGRAM, {
      eval: true,
      execArgv: ["--conditions=react-server"],
      resourceLimits: { maxOldGenerationSizeMb: threadHeapMb(work.fileChars), maxYoungGenerationSizeMb: YOUNG_HEAP_MB },
      workerData: { root: process.cwd(), task, input, writeTurns: sharedWriteTurns(), runner: runnerId(), niceness: BACKGROUND_NICENESS },
    });
    let settled = false;
    worker.once("message", (outcome: Outcome) => {
      settled = true;
      if (outcome.ok) resolve(outcome.value as Awaited<ReturnType<ThreadTasks[K]>>);
      else if (outcome.error.appError) reject(new AppError(outcome.error.appError.code, outcome.error.message, outcome.error.appError.fieldErrors, outcome.error.appError.details));
      else reject(Object.assign(new Error(outcome.error.message), { name: outcome.error.name ?? "Error", stack: outcome.error.stack }));
      void worker.terminate();
    });
    worker.once("error", (error: Error & { code?: string }) => {
      settled = true;
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") reject(new AppError("VALIDATION", "This file needs more memory than the server gives one import. Split it and import the parts one after the other."));
      else reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`The ${task} thread stopped (exit code ${code}) before it finished.`));
    });
  });
}
