import { expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { reads, settingValue, transaction } from "@/lib/server/sql/sqlite-store";
import type { Tx } from "@/lib/server/sql/transaction";
import { inSavepoint } from "@/lib/server/sql/transaction";

// Transactions are values (lib/server/sql/transaction.ts): a store call writes inside the
// transaction it is handed, and nothing of another request's joins it.

const write = (tx: Tx, key: string, value: string) =>
  tx.connection.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value, Date.now());
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

test("a transaction that waits between statements is not joined by a concurrent one, and its failure undoes only its own writes", async () => {
  const failing = transaction(async (tx) => {
    write(tx, "first", "from the failing transaction");
    await yieldToOthers();
    await yieldToOthers();
    throw new Error("refused halfway");
  });
  const concurrent = transaction(async (tx) => {
    write(tx, "second", "from the concurrent transaction");
  });
  await expect(failing).rejects.toThrow("refused halfway");
  await concurrent;
  expect(await settingValue(reads(), "first")).toBeNull();
  expect(await settingValue(reads(), "second")).toBe("from the concurrent transaction");
});

test("reads outside a transaction never see what an open transaction has not committed", async () => {
  let seenWhileOpen: string | null | undefined;
  await transaction(async (tx) => {
    write(tx, "pending", "uncommitted");
    expect(await settingValue(tx, "pending")).toBe("uncommitted");
    seenWhileOpen = await settingValue(reads(), "pending");
  });
  expect(seenWhileOpen).toBeNull();
  expect(await settingValue(reads(), "pending")).toBe("uncommitted");
});

test("a savepoint that fails undoes its own writes and the transaction goes on", async () => {
  await transaction(async (tx) => {
    write(tx, "kept", "before");
    await expect(
      inSavepoint(tx, async () => {
        write(tx, "undone", "inside");
        throw new Error("this part is refused");
      }),
    ).rejects.toThrow("this part is refused");
    write(tx, "after", "after");
  });
  expect(await settingValue(reads(), "kept")).toBe("before");
  expect(await settingValue(reads(), "undone")).toBeNull();
  expect(await settingValue(reads(), "after")).toBe("after");
});

test("a store transaction begun while an ORM transaction is open on the same thread waits for it, instead of locking the thread", async () => {
  let storeWrite: Promise<void> | undefined;
  let storeDone = false;
  await db.$transaction(async (orm) => {
    await orm.setting.create({ data: { key: "orm", value: "first" } });
    storeWrite = transaction(async (tx) => {
      write(tx, "store", "second");
    }).then(() => {
      storeDone = true;
    });
    await yieldToOthers();
    expect(storeDone).toBe(false);
    await orm.setting.update({ where: { key: "orm" }, data: { value: "first, still" } });
  });
  await storeWrite;
  expect(await settingValue(reads(), "orm")).toBe("first, still");
  expect(await settingValue(reads(), "store")).toBe("second");
});
