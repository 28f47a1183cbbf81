import { expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { settingsStore } from "@/lib/server/settings/settings-store";
import { reads, transaction } from "@/lib/server/store/database";
import type { Tx } from "@/lib/server/store/transaction";
import { inSavepoint } from "@/lib/server/store/transaction";
import { isPostgresTx } from "@/lib/server/store/postgres-transaction";
import { sqliteConnection } from "@/lib/server/store/sqlite-transaction";

// Transactions are values (lib/server/store/transaction.ts): a store call writes inside the
// transaction it is handed, and nothing of another request's joins it.

// A write in each engine's own SQL, beside the ORM's.
const write = async (tx: Tx, key: string, value: string) => {
  if (isPostgresTx(tx)) {
    await tx.connection.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
  } else {
    sqliteConnection(tx).prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value, Date.now());
  }
};
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

test("a transaction that waits between statements is not joined by a concurrent one, and its failure undoes only its own writes", async () => {
  const failing = transaction(async (tx) => {
    await write(tx, "first", "from the failing transaction");
    await yieldToOthers();
    await yieldToOthers();
    throw new Error("refused halfway");
  });
  const concurrent = transaction(async (tx) => {
    await write(tx, "second", "from the concurrent transaction");
  });
  await expect(failing).rejects.toThrow("refused halfway");
  await concurrent;
  expect(await settingsStore.value(reads(), "first")).toBeNull();
  expect(await settingsStore.value(reads(), "second")).toBe("from the concurrent transaction");
});

test("reads outside a transaction never see what an open transaction has not committed", async () => {
  let seenWhileOpen: string | null | undefined;
  await transaction(async (tx) => {
    await write(tx, "pending", "uncommitted");
    expect(await settingsStore.value(tx, "pending")).toBe("uncommitted");
    seenWhileOpen = await settingsStore.value(reads(), "pending");
  });
  expect(seenWhileOpen).toBeNull();
  expect(await settingsStore.value(reads(), "pending")).toBe("uncommitted");
});

test("a savepoint that fails undoes its own writes and the transaction goes on", async () => {
  await transaction(async (tx) => {
    await write(tx, "kept", "before");
    await expect(
      inSavepoint(tx, async () => {
        await write(tx, "undone", "inside");
        throw new Error("this part is refused");
      }),
    ).rejects.toThrow("this part is refused");
    await write(tx, "after", "after");
  });
  expect(await settingsStore.value(reads(), "kept")).toBe("before");
  expect(await settingsStore.value(reads(), "undone")).toBeNull();
  expect(await settingsStore.value(reads(), "after")).toBe("after");
});

test("a store transaction begun while an ORM transaction is open on the same thread waits for it, instead of locking the thread", async () => {
  let storeWrite: Promise<void> | undefined;
  let storeDone = false;
  await db.$transaction(async (orm) => {
    await orm.setting.create({ data: { key: "orm", value: "first" } });
    storeWrite = transaction(async (tx) => {
      await write(tx, "store", "second");
    }).then(() => {
      storeDone = true;
    });
    await yieldToOthers();
    expect(storeDone).toBe(false);
    await orm.setting.update({ where: { key: "orm" }, data: { value: "first, still" } });
  });
  await storeWrite;
  expect(await settingsStore.value(reads(), "orm")).toBe("first, still");
  expect(await settingsStore.value(reads(), "store")).toBe("second");
});

test("the ORM inside a store transaction writes in it: its statements, bulk writes and own transactions commit or roll back with the store's", async () => {
  await expect(
    transaction(async (tx) => {
      await write(tx, "sql", "from SQL");
      await tx.orm.setting.create({ data: { key: "orm-single", value: "one" } });
      await tx.orm.setting.createMany({ data: [{ key: "orm-many-1", value: "1" }, { key: "orm-many-2", value: "2" }] });
      await tx.orm.$transaction(async (inner) => {
        await inner.setting.update({ where: { key: "orm-single" }, data: { value: "updated inside" } });
      });
      expect(await settingsStore.value(tx, "orm-single")).toBe("updated inside");
      expect((await tx.orm.setting.findUnique({ where: { key: "sql" } }))?.value).toBe("from SQL");
      throw new Error("the whole transaction is refused");
    }),
  ).rejects.toThrow("the whole transaction is refused");
  for (const key of ["sql", "orm-single", "orm-many-1", "orm-many-2"]) expect(await settingsStore.value(reads(), key)).toBeNull();

  await transaction(async (tx) => {
    await tx.orm.setting.createMany({ data: [{ key: "orm-kept-1", value: "1" }, { key: "orm-kept-2", value: "2" }] });
    await expect(
      tx.orm.$transaction(async (inner) => {
        await inner.setting.create({ data: { key: "undone", value: "inside" } });
        throw new Error("only this part is refused");
      }),
    ).rejects.toThrow("only this part is refused");
    await tx.orm.setting.deleteMany({ where: { key: "orm-kept-2" } });
  });
  expect(await settingsStore.value(reads(), "orm-kept-1")).toBe("1");
  expect(await settingsStore.value(reads(), "orm-kept-2")).toBeNull();
  expect(await settingsStore.value(reads(), "undone")).toBeNull();
  expect((await reads().orm.setting.findMany({ where: { key: { startsWith: "orm-kept" } } })).map((row) => row.key)).toEqual(["orm-kept-1"]);
});
