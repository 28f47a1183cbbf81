import "server-only";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma-postgres/client";
import type { Orm } from "./orm";

/*
 * The ORM on PostgreSQL, on the store's own pool and connections: inside a store transaction
 * its queries run on the transaction's connection, so what is written with the ORM and what is
 * written in SQL commit together (transaction.ts), as on SQLite (sqlite-orm.ts).
 */

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const onPool = new WeakMap<pg.Pool, PrismaClient>();
const onConnection = new WeakMap<pg.PoolClient, PrismaClient>();
let savepoints = 0;

/** The ORM on `pool`: each query on any free connection, its own transactions on one. */
export function ormOnPool(pool: pg.Pool): Orm {
  let client = onPool.get(pool);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg(pool) });
    onPool.set(pool, client);
  }
  return client as unknown as Orm;
}

/** The ORM on `connection`, inside the transaction open on it. */
export function ormOnConnection(pool: pg.Pool, connection: pg.PoolClient): Orm {
  let client = onConnection.get(connection);
  if (!client) {
    client = new PrismaClient({ adapter: adapterOn(pool, connection) });
    onConnection.set(connection, client);
  }
  return client as unknown as Orm;
}

function adapterOn(pool: pg.Pool, connection: pg.PoolClient): AdapterFactory {
  const factory = new PrismaPg(pool);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      // The adapter maps rows and types for the ORM; it is pointed at the transaction's
      // connection instead of the pool.
      const adapter = await factory.connect();
      return Object.assign(Object.create(adapter) as Adapter, {
        client: connection,
        startTransaction: async () => savepoint(adapter, connection),
        // The connection belongs to the store, which gives it back to the pool.
        dispose: async () => {},
      });
    },
  };
}

/** The ORM's own transactions (interactive, or around a nested or bulk write) become savepoints in the store's. */
async function savepoint(adapter: Adapter, connection: pg.PoolClient): Promise<Transaction> {
  const name = `orm_${++savepoints}`;
  await connection.query(`SAVEPOINT ${name}`);
  const transaction = Object.create(adapter) as Transaction;
  return Object.assign(transaction, {
    client: connection,
    // The ORM calls commit() and rollback() and sends no COMMIT of its own.
    options: { usePhantomQuery: true },
    commit: async () => {
      await connection.query(`RELEASE SAVEPOINT ${name}`);
    },
    rollback: async () => {
      await connection.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await connection.query(`RELEASE SAVEPOINT ${name}`);
    },
  });
}
