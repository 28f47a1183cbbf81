import "server-only";
import type { DatabaseEngine } from "@/lib/database-url";

/*
 * A store written in SQL has an implementation per engine behind its one interface. Every store
 * call takes a Tx or a Reads of one engine as its first argument (transaction.ts), and goes to
 * that engine's implementation.
 */

type StoreMethods<S> = { [Method in keyof S]: (q: never, ...rest: never[]) => unknown };

/** The store whose calls go to `implementations[q.engine]`. */
export function perEngine<S extends StoreMethods<S>>(implementations: Record<DatabaseEngine, S>): S {
  const store: Record<string, unknown> = {};
  for (const method of Object.keys(implementations.sqlite)) {
    store[method] = (q: { engine: DatabaseEngine }, ...rest: unknown[]) =>
      (implementations[q.engine][method as keyof S] as unknown as (...args: unknown[]) => unknown)(q, ...rest);
  }
  return store as S;
}
