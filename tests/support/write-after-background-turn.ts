// A script whose only work is one write, made while a background turn is held and never given
// back: it must wait out the turn and write, not end with the write unmade.
// Run as a process of its own by tests/integration/write-turns.sqlite.test.ts.
import { createReason } from "../../lib/server/settings/reason-lists";
import { sharedWriteTurns } from "../../lib/server/store/write-turns";

// The shared counters' second slot (BACKGROUND in write-turns.ts).
Atomics.store(new Int32Array(sharedWriteTurns()), 1, 1);
void createReason("disqualification", "Written by a script").then(() => console.log("written"));
