import "server-only";
import { leadsOf, transitionsOf } from "./metrics-columns";
import type pg from "pg";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import type { MetricsTransition } from "@/lib/core/metrics/types";
import { postgresStore } from "../store/postgres-database";
import { postgresRow } from "../store/postgres-sql";
import { sameDataBetween } from "../store/postgres-snapshots";
import { runPostgresTransaction } from "../store/postgres-transaction";
import type { PostgresTx } from "../store/postgres-transaction";
import type { MetricsSnapshot, MetricsStore, Segment } from "./metrics-store";

/*
 * The dashboard's reads on PostgreSQL, as on SQLite: each column of the segment's leads and
 * transitions comes back as one JSON array, which the driver parses far faster than it builds an
 * object per row. Times are turned into milliseconds inside the query, as JSON has no timestamps.
 */

type Where = { sql: string; values: Array<string | number> };

/** The segment as SQL over `Lead l`: the same test as inSegment() in lib/core/metrics/segment.ts. */
function segmentWhere(segment: Segment): Where {
  const clauses: string[] = [];
  const values: Where["values"] = [];
  const parameter = (value: string | number) => `$${values.push(value)}`;
  for (const column of ["source", "industry", "country"] as const) {
    const value = segment[column];
    if (value !== undefined) clauses.push(`l."${column}" = ${parameter(value)}`);
  }
  if (segment.owner === "unassigned") clauses.push(`l."ownerId" IS NULL`);
  else if (segment.owner !== undefined) clauses.push(`l."ownerId" = ${parameter(segment.owner)}`);
  if (segment.companySize !== undefined) {
    const band = COMPANY_SIZE_BANDS.find((candidate) => candidate.id === segment.companySize)!;
    clauses.push(`l."companySize" >= ${parameter(band.min)}`);
    if (band.max !== null) clauses.push(`l."companySize" <= ${parameter(band.max)}`);
  }
  return { sql: clauses.join(" AND "), values };
}

// date_part's float8 costs less than extract's numeric, and holds milliseconds exactly.
const ms = (column: string) => `round(date_part('epoch', ${column}) * 1000)::int8`;

const LEAD_COLUMNS = [
  `l."id"`,
  ms(`l."createdAt"`),
  `l."source"`,
  `l."campaign"`,
  `l."industry"`,
  `l."country"`,
  `l."companySize"`,
  `l."ownerId"`,
  `l."stage"`,
  `l."totalScore"`,
  ms(`l."stageEnteredAt"`),
  ms(`l."firstEventAt"`),
];

const TRANSITION_COLUMNS = [
  `t."leadId"`,
  `t."fromStage"`,
  `t."toStage"`,
  `t."move"`,
  `t."actorId"`,
  `t."reason"`,
  `t."reasonCode"`,
  ms(`t."createdAt"`),
  `t."position"`,
  `t."dealValueCents"`,
  ms(`t."closedAt"`),
];

// Only what the dashboard reads is carried through the sort.
const WINDOWED_COLUMNS = `t."leadId", t."fromStage", t."toStage", t."move", t."actorId", t."reason", t."reasonCode", t."createdAt", t."dealValueCents", t."closedAt"`;

// json_agg gives NULL, not [], over no rows.
const columnsAsJson = (columns: readonly string[]) => columns.map((column) => `coalesce(json_agg(${column}), '[]')`).join(", ");

function leadsSql(where: string): string {
  return `SELECT ${columnsAsJson(LEAD_COLUMNS)} FROM "Lead" l${where ? ` WHERE ${where}` : ""}`;
}

/**
 * Each transition's place in time order, from 1. Transitions at the same millisecond come in the
 * order they were stored, which PostgreSQL knows no rowid for: the older writing transaction
 * first (age of xmin), then within one transaction the order its rows were appended (ctid).
 */
function transitionsSql(where: string): string {
  const ofSegment = where ? ` WHERE t."leadId" IN (SELECT l."id" FROM "Lead" l WHERE ${where})` : "";
  return `SELECT ${columnsAsJson(TRANSITION_COLUMNS)}
    FROM (SELECT ${WINDOWED_COLUMNS}, row_number() OVER (ORDER BY t."createdAt", age(t.xmin) DESC, t.ctid) AS "position" FROM "StageTransition" t${ofSegment}) t`;
}

// A name per statement text (one per shape of segment), so each is prepared once per connection.
const statementNames = new Map<string, string>();

async function columnsOf(tx: PostgresTx, text: string, values: Where["values"]): Promise<unknown[][]> {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `metrics_${statementNames.size + 1}`));
  const result = await tx.connection.query<unknown[][]>({ name, text, values, rowMode: "array" });
  return result.rows[0];
}

/** In time order: each row's place comes with it (transitionsSql), so nothing is sorted here. */
function transitionsInTimeOrder(columns: unknown[][]): MetricsTransition[] {
  const position = columns[8] as number[];
  const order = new Uint32Array(position.length);
  for (let i = 0; i < position.length; i++) order[position[i] - 1] = i;
  return transitionsOf(columns, order);
}

// The last few snapshots read, valid while the database is unchanged: two reads under the same
// MVCC snapshot (pg_current_snapshot(): the same running and finished transactions) see exactly
// the same rows, and it changes as soon as any transaction that wrote commits or aborts. One
// whose transactions in between only took API rate-limit tokens sees the same rows too.
const SNAPSHOTS_KEPT = 3;
const SORT_MEMORY = "64MB";
const snapshots = new WeakMap<pg.Pool, { mvccSnapshot: string; bySegment: Map<string, MetricsSnapshot> }>();

export const postgresMetricsStore: MetricsStore = {
  async snapshot(segment) {
    const { pool } = postgresStore();
    const where = segmentWhere(segment);
    return runPostgresTransaction(pool, async (tx) => {
      // Every statement of a repeatable-read transaction reads under the snapshot its first one took.
      await tx.connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      // The transitions' time-order sort holds every transition of the segment: with the server's
      // default 4 MB it spills to disk, which cost a third of a fresh read at 100,000 leads.
      await tx.connection.query(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
      const { mvccSnapshot } = (await postgresRow<{ mvccSnapshot: string }>(tx, {
        name: "metrics_mvcc_snapshot",
        text: `SELECT pg_current_snapshot()::text AS "mvccSnapshot"`,
      }))!;
      // Calls overlap here, unlike SQLite's synchronous read: `kept` stays this MVCC snapshot's
      // entry across the awaits, so a newer call replacing it never receives these rows.
      let kept = snapshots.get(pool);
      if (kept && sameDataBetween(kept.mvccSnapshot, mvccSnapshot)) kept.mvccSnapshot = mvccSnapshot;
      else snapshots.set(pool, (kept = { mvccSnapshot, bySegment: new Map() }));
      const key = `${where.sql} ${JSON.stringify(where.values)}`;
      let snapshot = kept.bySegment.get(key);
      if (!snapshot) {
        snapshot = {
          leads: leadsOf(await columnsOf(tx, leadsSql(where.sql), where.values)),
          transitions: transitionsInTimeOrder(await columnsOf(tx, transitionsSql(where.sql), where.values)),
        };
        if (kept.bySegment.size >= SNAPSHOTS_KEPT) kept.bySegment.delete(kept.bySegment.keys().next().value!);
      } else {
        kept.bySegment.delete(key);
      }
      kept.bySegment.set(key, snapshot);
      return snapshot;
    });
  },
};
