import "server-only";
import Database from "better-sqlite3";
import { sqliteSynchronous } from "@/lib/env";

/*
 * Every SQLite connection the app opens is set up here, with the same settings: the ORM's, the
 * store's, the dashboard's reader, a background thread's and the checkpointer's. Only the page
 * cache differs, by what the connection is for.
 */

/**
 * What a connection is for. `requests`: the request thread's writer (hot pages of the ingestion
 * path stay cached); `background`: an import's or re-score's thread, whose cache adds to the
 * server's memory while it runs; `reader`: whole-table reads beside the writers; `orm`: Prisma's;
 * `checkpointer`: copies the write-ahead log into the file and reads nothing else.
 */
export type ConnectionUse = "requests" | "background" | "reader" | "orm" | "checkpointer";

// In KiB; SQLite's own default is 2 MB.
const PAGE_CACHE_KIB: Record<ConnectionUse, number> = { requests: 65_536, background: 8_192, reader: 2_048, orm: 2_048, checkpointer: 2_048 };
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The settings of a connection, as `PRAGMA` bodies, in the order they are applied:
 * - the write-ahead log, so readers never wait for the writer (a setting of the file, kept once set);
 * - a writer that finds the file locked retries for up to 5 s before failing;
 * - foreign keys enforced, which SQLite leaves off unless each connection asks;
 * - commits synced as `LEADGATE_SQLITE_SYNC` says (FULL by default: an acknowledged write survives a power cut);
 * - no memory-mapped reads: every page a whole-table read touched stayed resident in the
 *   server's memory (BENCHMARKS.md, Soak).
 */
export function connectionPragmas(use: ConnectionUse): string[] {
  return [
    "journal_mode = WAL",
    `busy_timeout = ${BUSY_TIMEOUT_MS}`,
    "foreign_keys = ON",
    `synchronous = ${sqliteSynchronous()}`,
    `cache_size = -${PAGE_CACHE_KIB[use]}`,
    "mmap_size = 0",
  ];
}

/** Opens a connection to an existing database file, set up for `use`. */
export function openConnection(file: string, use: ConnectionUse): Database.Database {
  const connection = new Database(file, { fileMustExist: true });
  for (const pragma of connectionPragmas(use)) connection.pragma(pragma);
  return connection;
}
