import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { startWalCheckpointer } from "@/lib/server/store/wal-checkpointer";

const folder = mkdtempSync(path.join(tmpdir(), "leadgate-checkpoint-"));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test("the checkpointer thread copies the write-ahead log into the database file while the writer goes on", async () => {
  const file = path.join(folder, "wal.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("wal_autocheckpoint = 0");
  writer.exec("CREATE TABLE note (body TEXT)");
  const insert = writer.prepare("INSERT INTO note (body) VALUES (?)");
  writer.transaction(() => {
    for (let row = 0; row < 2_000; row += 1) insert.run("x".repeat(500));
  })();
  const before = statSync(file).size;

  const checkpointer = startWalCheckpointer(file, { copyEveryMs: 10, finishEveryMs: 50 });
  try {
    await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(before + 500_000);
    insert.run("written while checkpoints run");
    expect(writer.prepare("SELECT count(*) AS rows FROM note").get()).toEqual({ rows: 2_001 });
  } finally {
    checkpointer.stop();
    writer.close();
  }
});
