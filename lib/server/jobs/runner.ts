import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/*
 * Who runs a job: this server process, named in the job's lease (PostgreSQL) so that another
 * instance can tell a job it must take over from one still being worked on. A background thread
 * of the process (thread.ts) works under its process's name.
 */

const globalForRunner = globalThis as unknown as { leadgateRunner?: string };

export function runnerId(): string {
  return (globalForRunner.leadgateRunner ??= `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
}

/** Makes a background thread work under the name of the process that started it. */
export function runAs(runner: string): void {
  globalForRunner.leadgateRunner = runner;
}
