import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { listReasons } from "@/lib/server/settings/reason-lists";
import { db } from "@/lib/server/store/db";
import { transaction, writeConnection } from "@/lib/server/store/database";
import { beginForegroundWrite, sharedWriteTurns } from "@/lib/server/store/write-turns";
import { sqliteConnection } from "@/lib/server/store/sqlite-transaction";

// Long enough for a thread that does not wait its turn to have written many times over.
const CHANCE_TO_CUT_IN_MS = 300;

function startBackgroundWriter(key: string): Worker {
  const program = `
    const { createRequire } = require("node:module");
    const appRequire = createRequire(process.cwd() + "/package.json");
    appRequire("tsx/cjs/api").register();
    appRequire("./tests/support/background-writer.ts");
  `;
  return new Worker(program, { eval: true, execArgv: ["--conditions=react-server"], workerData: { turns: sharedWriteTurns(), key } });
}

async function next(worker: Worker, expected: string) {
  const [message] = (await Promise.race([once(worker, "message"), once(worker, "error").then(([error]) => Promise.reject(error))])) as [string];
  expect(message).toBe(expected);
}

const stored = (key: string) => writeConnection().prepare(`SELECT value FROM "Setting" WHERE key = ?`).get(key);

describe("writes from a background thread take turns with the request thread's", () => {
  it("a background write waits while a request's write is in progress, and then goes in", async () => {
    const end = beginForegroundWrite();
    const worker = startBackgroundWriter("background-after-request");
    try {
      await next(worker, "ready");
      await transaction(async (tx) => {
        sqliteConnection(tx).prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('request', 'written', ?)`).run(Date.now());
      });
      await sleep(CHANCE_TO_CUT_IN_MS);
      expect(stored("background-after-request")).toBeUndefined();
    } finally {
      end();
    }
    await next(worker, "written");
    expect(stored("background-after-request")).toEqual({ value: "written" });
    await worker.terminate();
  });

  it("no background write commits inside an ORM transaction, between its read and its write", async () => {
    let worker: Worker | undefined;
    await db.$transaction(async (tx) => {
      await tx.setting.findMany({ select: { key: true } });
      worker = startBackgroundWriter("background-after-transaction");
      await next(worker, "ready");
      await sleep(CHANCE_TO_CUT_IN_MS);
      // Had the thread committed since the read above, SQLite would refuse this write (SQLITE_BUSY).
      await tx.setting.create({ data: { key: "transaction", value: "written" } });
    });
    await next(worker!, "written");
    expect(stored("transaction")).toEqual({ value: "written" });
    expect(stored("background-after-transaction")).toEqual({ value: "written" });
    await worker!.terminate();
  });

  it("a request's write waits out a background turn without holding up the thread's other work", async () => {
    // The shared counters' second slot (BACKGROUND in write-turns.ts): a background slice or checkpoint under way.
    const counters = new Int32Array(sharedWriteTurns());
    Atomics.store(counters, 1, 1);
    let written = false;
    const write = transaction(async (tx) => {
      sqliteConnection(tx).prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('after-background-turn', 'written', ?)`).run(Date.now());
      written = true;
    });
    try {
      // Had the wait blocked the thread, this timer would fire only after the write.
      await sleep(20);
      expect(written).toBe(false);
    } finally {
      Atomics.store(counters, 1, 0);
      Atomics.notify(counters, 1);
    }
    await write;
    expect(stored("after-background-turn")).toEqual({ value: "written" });
  });

  it("a script whose only work is a write waits out a background turn and writes, rather than ending first", async () => {
    const output = execFileSync("node", ["--conditions=react-server", "--import", "tsx", "tests/support/write-after-background-turn.ts"], { encoding: "utf8", env: process.env });
    expect(output).toContain("written");
    expect((await listReasons("disqualification")).map((reason) => reason.label)).toContain("Written by a script");
  });
});
