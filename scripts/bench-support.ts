// What the benchmark scripts share: the database each run works on (a fresh copy of the
// 100,000-lead one, on SQLite or PostgreSQL), the production server on its own port, signing in,
// percentiles.
import type { ChildProcess } from "node:child_process";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export const PORT = 3200;
/** The 100,000-lead database every benchmark copies (scripts/generate-leads.ts writes it). */
export const BENCH_DATABASE = path.resolve(".tmp/bench-100k.db");
export const BASE_URL = `http://localhost:${PORT}`;
const SERVER_LOG = path.resolve(".tmp/bench-server.log");

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low);
}

/** Starts the production server on `database`: a SQLite file, or a postgres:// URL. */
export function startServer(database: string, extraEnv: Record<string, string> = {}): ChildProcess {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build found; running next build…");
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const log = openSync(SERVER_LOG, "w");
  // Detached, so it leads its own process group: it and anything it starts stop together.
  return spawn(process.execPath, ["server.mjs"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: /^postgres(ql)?:\/\//.test(database) ? database : `file:${database}`,
      NEXTAUTH_SECRET: "leadgate-benchmark-secret-0123456789abcdef",
      NEXTAUTH_URL: BASE_URL,
      NODE_ENV: "production",
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      // The heap limit and memory pools `npm run app` starts the server with (scripts/app.sh), so the figures are production's.
      NODE_OPTIONS: ["--max-old-space-size=256", process.env.NODE_OPTIONS].filter(Boolean).join(" "),
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      ...extraEnv,
    },
  });
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timeout = sleep(5_000).then(() => "timeout");
  if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-server.pid, "SIGKILL");
}

export async function waitUntilServing(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${readFileSync(SERVER_LOG, "utf8")}`);
    try {
      if ((await fetch(`${BASE_URL}/api/auth/csrf`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer on ${BASE_URL} within 60 s:\n${readFileSync(SERVER_LOG, "utf8")}`);
}

export async function assertPortFree(): Promise<void> {
  const answered = await fetch(BASE_URL).then(() => true, () => false);
  if (answered) throw new Error(`Something already answers on port ${PORT}; stop it first.`);
}

// Signing in through next-auth's credentials flow.
export class CookieJar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  has(name: string) {
    return this.cookies.has(name);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function signIn(email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.store(callback);
  if (!jar.has("next-auth.session-token")) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${callback.status}): ${await callback.text()}`);
  }
  return jar;
}

/** One measured thing: its samples in milliseconds and the median it must stay under. */
export type TimedResult = { name: string; samples: number[]; targetMs: number };

/**
 * Times GET requests of a signed-in page on the production server after a few warm-up ones;
 * each answer must be 200 and contain `marker`, so a redirect or an error page is never timed.
 */
export async function timePage(url: string, jar: CookieJar, marker: string, options: { warmup?: number; timed?: number } = {}): Promise<number[]> {
  const { warmup = 5, timed = 30 } = options;
  const samples: number[] = [];
  for (let request = 0; request < warmup + timed; request++) {
    const started = performance.now();
    const response = await fetch(`${BASE_URL}${url}`, { redirect: "manual", headers: { cookie: jar.header() } });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !body.includes(marker)) {
      throw new Error(`GET ${url} answered ${response.status} without "${marker}" (location: ${response.headers.get("location")}):\n${body.slice(0, 500)}`);
    }
    if (request >= warmup) samples.push(elapsed);
  }
  return samples;
}

/** The results as the Markdown table BENCHMARKS.md keeps. */
export function resultsTable(results: TimedResult[]): string {
  const rows = results.map(({ name, samples, targetMs }) => {
    const median = percentile(samples, 0.5);
    const verdict = median <= targetMs ? "PASS" : "FAIL";
    return `| ${name} | ${samples.length} | ${median.toFixed(1)} | ${percentile(samples, 0.9).toFixed(1)} | ≤ ${targetMs} ms median | ${verdict} |`;
  });
  return ["| Measure | Samples | Median (ms) | p90 (ms) | Target | Result |", "|---|---:|---:|---:|---|---|", ...rows].join("\n");
}

/** Runs `work` against the production server on `database` (as startServer takes it); the server stops afterwards, also on Ctrl-C. */
export async function withBenchServer<T>(database: string, work: () => Promise<T>): Promise<T> {
  await assertPortFree();
  const server = startServer(database);
  const stop = () => void stopServer(server).finally(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await waitUntilServing(server);
    return await work();
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await stopServer(server);
  }
}

// --- the database a run works on ---------------------------------------------------------------

/** The engine a benchmark runs on. */
export type BenchEngine = "sqlite" | "postgres";

/** The engine the command line asks for: `--db postgres` (or `--db=postgres`); SQLite without the flag. */
export function benchEngine(argv: readonly string[] = process.argv.slice(2)): BenchEngine {
  let value: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === "--db") value = argv[index + 1];
    else if (arg.startsWith("--db=")) value = arg.slice("--db=".length);
  });
  if (value === undefined || value === "sqlite") return "sqlite";
  if (value === "postgres") return "postgres";
  throw new Error(`--db takes "sqlite" or "postgres", not "${value}"`);
}

/**
 * The benchmarks' own PostgreSQL cluster (scripts/postgres-cluster.sh), apart from the tests' one,
 * with the server's default settings (every commit synced), so the figures are the server's as shipped.
 */
export const POSTGRES_CLUSTER = { LEADGATE_PG_DIR: path.resolve(".tmp/postgres-bench"), LEADGATE_PG_PORT: "55433", LEADGATE_PG_OPTIONS: "" };
const POSTGRES_DATABASE = "leadgate_bench";

/**
 * A fresh copy of the benchmark database at `file` (generated first when missing), with the
 * schema's latest migrations: a run changes the data it works on, so it never works on the
 * original (and never on a hard link to it, which is the same file).
 */
export async function copyBenchDatabase(file: string): Promise<void> {
  // In a process of its own: the store keeps its connections per process, and a benchmark that
  // runs in this one must open the copy, not the database being generated.
  if (!existsSync(BENCH_DATABASE)) {
    execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/generate-leads.ts", "--out", BENCH_DATABASE], { stdio: "inherit" });
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  // The source may still hold WAL frames; checkpoint them into the file before copying it.
  execFileSync("node", ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(BENCH_DATABASE)});d.pragma("wal_checkpoint(TRUNCATE)");d.close()`]);
  copyFileSync(BENCH_DATABASE, file);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" } });
}

/**
 * Starts the benchmark cluster, creates a fresh `leadgate_bench` database on it (dropping the
 * last run's), migrates it and copies the SQLite database `source` into it; returns its URL.
 */
export async function preparePostgresDatabase(source: string): Promise<string> {
  const admin = execFileSync("bash", ["scripts/postgres-cluster.sh", "start"], { encoding: "utf8", env: { ...process.env, ...POSTGRES_CLUSTER } }).trim();
  const url = new URL(admin);
  url.pathname = `/${POSTGRES_DATABASE}`;
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_DATABASE} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${POSTGRES_DATABASE}`);
  await client.end();
  execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url.toString(), CHECKPOINT_DISABLE: "1" } });
  const { copyToPostgres } = await import("./copy-to-postgres");
  const started = performance.now();
  const copied = await copyToPostgres(source, url.toString());
  console.log(`Copied the benchmark data into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(0)} s: ${copied.Lead} leads, ${copied.Event} events`);
  return url.toString();
}

/** Stops the benchmark cluster; its files (and the last run's database) stay for the next start. */
export function stopPostgresCluster(): void {
  execFileSync("bash", ["scripts/postgres-cluster.sh", "stop"], { env: { ...process.env, ...POSTGRES_CLUSTER } });
}

export type BenchDatabase = {
  engine: BenchEngine;
  /** What startServer takes: the SQLite file, or the PostgreSQL URL. */
  database: string;
  /** The run's database, for the output. */
  label: string;
};

/**
 * Prepares the database a run works on and points this process at it (DATABASE_URL): a fresh copy
 * of the benchmark database at .tmp/bench-<name>.db, and on PostgreSQL that copy in a fresh
 * `leadgate_bench` database on the benchmark cluster. lib/server/store/db.ts creates its client
 * when first imported, so callers import anything that uses it only after this.
 */
export async function prepareBenchDatabase(name: string, engine: BenchEngine = benchEngine()): Promise<BenchDatabase> {
  const file = path.resolve(`.tmp/bench-${name}.db`);
  await copyBenchDatabase(file);
  if (engine === "postgres") {
    const url = await preparePostgresDatabase(file);
    process.env.DATABASE_URL = url;
    return { engine, database: url, label: `PostgreSQL database ${POSTGRES_DATABASE} on port ${new URL(url).port} (a copy of ${path.relative(process.cwd(), file)})` };
  }
  process.env.DATABASE_URL = `file:${file}`;
  return { engine, database: file, label: path.relative(process.cwd(), file) };
}

/** The engine's name, for the output. */
export function engineName(engine: BenchEngine): string {
  return engine === "postgres" ? "PostgreSQL" : "SQLite";
}

/** Closes this process's connections to the run's database and, on PostgreSQL, stops the benchmark cluster. */
export async function closeBenchDatabase(bench: BenchDatabase): Promise<void> {
  const { db } = await import("../lib/server/store/db");
  const { closeStore } = await import("../lib/server/store/database");
  await db.$disconnect();
  await closeStore();
  if (bench.engine === "postgres") stopPostgresCluster();
}

/** The ingestion benchmarks' batches: 1,000 events a request. */
export const BENCH_BATCH_SIZE = 1_000;
const BENCH_EVENT_TYPES = ["page_view", "email_open", "email_click", "content_download", "webinar_attended", "contact_request"];

/**
 * Event number `index` of the ingestion benchmarks' stream (bench:ingest, bench:ingest-breakdown):
 * its lead spread over all leads (every event of a batch a different lead, the worst case for
 * the database) or over `leadsPerBatch` active leads a batch, as a stream of web activity looks;
 * its time spread over the last 90 days.
 */
export function benchEvent(emails: readonly string[], index: number, leadsPerBatch = BENCH_BATCH_SIZE) {
  const batch = Math.floor(index / BENCH_BATCH_SIZE);
  const lead = leadsPerBatch === BENCH_BATCH_SIZE ? index : batch * leadsPerBatch + (index % leadsPerBatch);
  return {
    email: emails[(lead * 7919) % emails.length],
    type: BENCH_EVENT_TYPES[index % BENCH_EVENT_TYPES.length],
    occurredAt: new Date(Date.now() - (index % 90) * 86_400_000).toISOString(),
    properties: { campaign: "bench", url: index % 5 === 0 ? "/pricing" : "/product" },
  };
}
