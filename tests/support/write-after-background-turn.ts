// A script whose only work is one write, made while a background turn is held and never given
// back: it must wait out the turn and write, not end with the write unmade.
// Run as a process of its own by tests/integration/write-turns.sqlite.test.ts.
import { transaction } from "../../lib/server/store/database";
import { sqliteConnection } from "../../lib/server/store/sqlite-transaction";
import { sharedWriteTurns } from "../../lib/server/store/write-turns";

// The shared counters' second slot (BACKGROUND in write-turns.ts).
Atomics.store(new Int32Array(sharedWriteTurns()), 1, 1);
void transaction(async (tx) => {
  sqliteConnection(tx).prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('script-write', 'written', ?)`).run(Date.now());
}).then(() => console.log("written"));
