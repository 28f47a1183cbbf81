// A background thread's write, as an import's or a re-score's thread makes it: it joins the
// request thread's write turns, says it is ready, writes one setting and says so.
// Loaded on a worker thread by tests/integration/write-turns.sqlite.test.ts.
import { parentPort, workerData } from "node:worker_threads";
import { transaction, writeConnection } from "../../lib/server/store/database";
import { joinWriteTurnsAsBackground } from "../../lib/server/store/write-turns";
import { sqliteConnection } from "../../lib/server/store/sqlite-transaction";

const { turns, key } = workerData as { turns: SharedArrayBuffer; key: string };
joinWriteTurnsAsBackground(turns);
writeConnection();
parentPort!.postMessage("ready");
void transaction(async (tx) => {
  sqliteConnection(tx).prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, 'written', ?)`).run(key, Date.now());
}).then(() => parentPort!.postMessage("written"));
