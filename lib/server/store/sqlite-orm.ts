import "server-only";
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import type { Orm } from "./orm";

/*
 * The ORM on a connection the store already holds: a store query written with Prisma runs in the
 * same transaction as one written in SQL, on the same connection, so a transaction is one value
 * (transaction.ts) whichever way each of its statements is written.
 */

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const clients = new WeakMap<Database.Database, PrismaClient>();
let savepoints = 0;

/** The ORM client whose queries run on `connection`, one per connection. */
export function ormOn(connection: Database.Database): Orm {
  let client = clients.get(connection);
  if (!client) {
    client = new PrismaClient({ adapter: adapterOn(connection) });
    clients.set(connection, client);
  }
  return client;
}

function adapterOn(connection: Database.Database): AdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: ":memory:" }, { timestampFormat: "unixepoch-ms" });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      // The adapter maps rows and types for the ORM; it is pointed at the store's connection
      // instead of the one it opened.
      const adapter = (await factory.connect()) as Adapter & { client: Database.Database };
      adapter.client.close();
      adapter.client = connection;
      return Object.assign(Object.create(adapter) as Adapter, {
        startTransaction: async () => nestedTransaction(adapter, connection),
        // The connection belongs to the store, which closes it.
        dispose: async () => {},
      });
    },
  };
}

/**
 * The ORM's own transactions (an interactive one, or the one it opens around a nested or bulk
 * write) become savepoints inside the store's transaction, so they commit or roll back with it.
 * Outside one (on a reader connection) they are plain transactions.
 */
function nestedTransaction(adapter: Adapter, connection: Database.Database): Transaction {
  const nested = connection.inTransaction;
  const name = `orm_${++savepoints}`;
  connection.prepare(nested ? `SAVEPOINT ${name}` : "BEGIN").run();
  const run = (...statements: string[]) => {
    for (const statement of statements) connection.prepare(statement).run();
    return Promise.resolve();
  };
  return Object.assign(Object.create(adapter) as Transaction, {
    // The ORM calls commit() and rollback() and sends no COMMIT of its own.
    options: { usePhantomQuery: true },
    commit: () => (nested ? run(`RELEASE ${name}`) : run("COMMIT")),
    rollback: () => (nested ? run(`ROLLBACK TO ${name}`, `RELEASE ${name}`) : run("ROLLBACK")),
  });
}
