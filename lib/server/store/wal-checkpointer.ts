import "server-only";
import { Worker } from "node:worker_threads";
import { sharedWriteTurns } from "./write-turns";

// The worker's whole program. It is passed as source (eval), not as a file: bundlers leave a
// string alone. It loads the connection set-up and the write turns (through tsx, from the app's
// TypeScript sources) from the app's folder: a bundler turns a require.resolve in the app's
// code into a module number.
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const path = require("node:path");
const appRequire = createRequire(path.join(process.cwd(), "package.json"));
appRequire("tsx/cjs/api").register();
const { inWriteTurn, joinWriteTurnsAsBackground } = appRequire("./lib/server/store/write-turns.ts");
joinWriteTurnsAsBackground(workerData.writeTurns);
const connection = appRequire("./lib/server/store/connection.ts").openConnection(workerData.file, "checkpointer");
const copy = setInterval(() => connection.pragma("wal_checkpoint(PASSIVE)"), workerData.copyEveryMs);
const finish = setInterval(() => {
  connection.pragma("wal_checkpoint(PASSIVE)");
  inWriteTurn(() => connection.pragma("wal_checkpoint(PASSIVE)"));
}, workerData.finishEveryMs);
parentPort.once("message", () => {
  clearInterval(copy);
  clearInterval(finish);
  connection.close();
  parentPort.close();
});
`;

/**
 * Copies the write-ahead log back into the database file (a checkpoint) on a thread of its own:
 * every `copyEveryMs` alongside the writers (a PASSIVE checkpoint waits for no reader or writer,
 * so requests go on meanwhile), and every `finishEveryMs` in a write turn (write-turns.ts), when
 * no thread of this process appends, so the checkpoint copies every frame and the next write
 * starts the log over; a checkpoint beside the writers never gets that far while writes go on,
 * and the log grew to gigabytes. On the server's thread a checkpoint after a burst of writes
 * held every request for as long as it copied and synced (about a fifth of the time under an import).
 * The finish first copies alongside the writers too, so that what it copies in the turn, while
 * every writer waits, is only what was written meanwhile: under a steady stream of single events
 * the turn took 30–60 ms when it copied up to a fifth of a second of writes, and p99 followed.
 */
export function startWalCheckpointer(file: string, every: { copyEveryMs: number; finishEveryMs: number }): { stop(): void } {
  const worker = new Worker(PROGRAM, { eval: true, execArgv: ["--conditions=react-server"], workerData: { file, ...every, writeTurns: sharedWriteTurns() } });
  worker.on("error", (error) => console.error("The WAL checkpointer stopped; the log grows until the next start", error));
  // Never what keeps a script or the server alive.
  worker.unref();
  return { stop: () => worker.postMessage("stop") };
}
