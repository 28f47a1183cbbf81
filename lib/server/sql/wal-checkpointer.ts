import "server-only";
import { Worker } from "node:worker_threads";

// The worker's whole program. It is passed as source (eval), not as a file: bundlers leave a
// string alone, and the worker needs nothing but the SQLite driver, which it finds from the
// app's folder (a bundler turns a require.resolve in the app's code into a module number).
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require.resolve("better-sqlite3", { paths: [process.cwd(), __dirname] }));
const connection = new Database(workerData.file, { fileMustExist: true });
connection.pragma("busy_timeout = 5000");
const timer = setInterval(() => connection.pragma("wal_checkpoint(PASSIVE)"), workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  connection.close();
  parentPort.close();
});
`;

/**
 * Copies the write-ahead log back into the database file (a checkpoint) every `intervalMs`,
 * on a thread of its own. A checkpoint after a burst of writes copies and syncs megabytes;
 * on the server's thread it held every request for that long (about a fifth of the time under
 * an import). A PASSIVE checkpoint waits for no reader or writer, so requests go on meanwhile.
 */
export function startWalCheckpointer(file: string, intervalMs: number): { stop(): void } {
  const worker = new Worker(PROGRAM, { eval: true, workerData: { file, intervalMs } });
  worker.on("error", (error) => console.error("The WAL checkpointer stopped; the log grows until the next start", error));
  // Never what keeps a script or the server alive.
  worker.unref();
  return { stop: () => worker.postMessage("stop") };
}
