// A soak: mixed load on the production server for a set time, on a copy of the 100,000-lead
// benchmark database. Events arrive at a steady rate whatever the server answers (open loop), a
// few signed-in people keep loading the board, the lead table and the dashboard, and a
// 50,000-row event CSV goes in through the Import page's server actions partway through.
// Every 30 s it prints the server's memory and each route's latencies and answers; at the end
// the totals, and whether every event the API acknowledged is in the database.
// Usage: npm run bench:soak [-- --seconds 120 --rate 200 --import-at 30 --import-rows 50000 --think-ms 1000]
// (or SOAK_SECONDS, SOAK_RATE, SOAK_IMPORT_AT, SOAK_IMPORT_ROWS, SOAK_THINK_MS in the environment;
// SOAK_SERVER_NODE_OPTIONS replaces the server's NODE_OPTIONS, e.g. to compare heap limits)
import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import type { CookieJar } from "./bench-support";
import { BASE_URL, BENCH_DATABASE, assertPortFree, percentile, signIn, startServer, stopServer, waitUntilServing } from "./bench-support";

const SOAK_DATABASE = path.resolve(".tmp/bench-soak.db");
const { values: args } = parseArgs({
  options: { seconds: { type: "string" }, rate: { type: "string" }, "import-at": { type: "string" }, "import-rows": { type: "string" }, "think-ms": { type: "string" } },
});
const SECONDS = Number(args.seconds ?? process.env.SOAK_SECONDS ?? 600);
const EVENTS_PER_SECOND = Number(args.rate ?? process.env.SOAK_RATE ?? 200);
const IMPORT_AT_SECONDS = Number(args["import-at"] ?? process.env.SOAK_IMPORT_AT ?? Math.round(SECONDS / 4));
const IMPORT_ROWS = Number(args["import-rows"] ?? process.env.SOAK_IMPORT_ROWS ?? 50_000);
// A person reads a page for a moment before loading the next one.
const THINK_MS = Number(args["think-ms"] ?? process.env.SOAK_THINK_MS ?? 1_000);
const REPORT_EVERY_MS = 30_000;
const RSS_EVERY_MS = 5_000;
// Requests alternate between one event and a small batch; several integrations send them, each
// with its own key, so the per-key rate limit applies as it would in production.
const BATCH_SIZE = 5;
const API_KEYS = 4;
const REQUEST_TIMEOUT_MS = 60_000;
const EVENT_TYPES = ["page_view", "email_open", "email_click", "content_download", "webinar_attended", "contact_request"];
const PAGE_LOOPS = [
  { route: "GET /board", url: "/board", user: "manager@leadgate.test", marker: "Funnel board" },
  { route: "GET /leads", url: "/leads?view=all", user: "marketer@leadgate.test", marker: 'aria-label="Leads"' },
  { route: "GET /dashboard", url: "/dashboard", user: "manager@leadgate.test", marker: "Dashboard" },
];

for (const [name, value] of Object.entries({ SECONDS, EVENTS_PER_SECOND, IMPORT_AT_SECONDS, IMPORT_ROWS, THINK_MS })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not ${value}.`);
}

// --- what was sent and what came back -----------------------------------------------------------

type Outcome = "2xx" | "429" | "503" | "other";
type Sample = { route: string; at: number; ms: number; outcome: Outcome };
type RssSample = { at: number; rss: number; anon: number; file: number };

const samples: Sample[] = [];
const rssSamples: RssSample[] = [];
const acknowledgedKeys = new Set<string>();
// Checkpoints copy the write-ahead log back into the database file and let it start over; if they
// stopped, the log would grow with every write.
let largestWalBytes = 0;
let eventsSent = 0;
let clock = 0;
const now = () => performance.now() - clock;

function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return "2xx";
  if (status === 429) return "429";
  if (status === 503) return "503";
  return "other";
}

function record(route: string, started: number, outcome: Outcome) {
  samples.push({ route, at: started, ms: now() - started, outcome });
}

// --- the database ------------------------------------------------------------------------------

async function prepareDatabase(): Promise<{ emails: string[]; keys: string[]; importEventsBefore: number }> {
  if (!existsSync(BENCH_DATABASE)) {
    const { generateLeads } = await import("./generate-leads");
    await generateLeads({ out: BENCH_DATABASE });
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(SOAK_DATABASE + suffix, { force: true });
  // The source may still hold WAL frames; checkpoint them into the file before copying it.
  const source = new Database(BENCH_DATABASE);
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  copyFileSync(BENCH_DATABASE, SOAK_DATABASE);
  process.env.DATABASE_URL = `file:${SOAK_DATABASE}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });

  const { createApiKey } = await import("../lib/server/admin/api-keys");
  const { ensureActiveRuleSet } = await import("../lib/server/scoring/rule-sets");
  const { closeStore } = await import("../lib/server/store/database");
  await ensureActiveRuleSet();
  const soak = new Database(SOAK_DATABASE, { readonly: true });
  const admin = soak.prepare<[], { id: string }>(`SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`).get();
  const emails = soak.prepare<[], { email: string }>(`SELECT email FROM "Lead"`).all().map((lead) => lead.email);
  soak.close();
  if (!admin) throw new Error("The benchmark database has no admin to create the API keys.");
  const keys: string[] = [];
  for (let index = 0; index < API_KEYS; index++) keys.push((await createApiKey({ name: `soak ${Date.now()} #${index}`, createdById: admin.id })).key);
  const importEventsBefore = importEventsInDatabase();
  await closeStore();
  return { emails, keys, importEventsBefore };
}

/** Which acknowledged events the database lacks, read from the file once the server has stopped. */
function lostWrites(runId: string): { stored: number; lost: string[] } {
  const database = new Database(SOAK_DATABASE, { readonly: true, fileMustExist: true });
  try {
    // Matched on the key alone, counted once each, whatever scope the key was stored under.
    const rows = database.prepare<[string], { idempotencyKey: string }>(`SELECT DISTINCT idempotencyKey FROM "Event" WHERE idempotencyKey LIKE ?`).all(`${runId}-%`);
    const stored = new Set(rows.map((row) => row.idempotencyKey));
    return { stored: stored.size, lost: [...acknowledgedKeys].filter((key) => !stored.has(key)) };
  } finally {
    database.close();
  }
}

function importEventsInDatabase(): number {
  const database = new Database(SOAK_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return database.prepare<[], { count: number }>(`SELECT count(*) AS count FROM "Event" WHERE source = 'import'`).get()!.count;
  } finally {
    database.close();
  }
}

// --- the server's memory -----------------------------------------------------------------------

function readRss(pid: number): Omit<RssSample, "at"> | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
    return { rss: field("VmRSS"), anon: field("RssAnon"), file: field("RssFile") + field("RssShmem") };
  } catch {
    return undefined;
  }
}

// --- the load ----------------------------------------------------------------------------------

function eventFor(emails: readonly string[], runId: string, index: number) {
  return {
    email: emails[(index * 7919) % emails.length],
    type: EVENT_TYPES[index % EVENT_TYPES.length],
    occurredAt: new Date().toISOString(),
    properties: { campaign: "soak", url: index % 5 === 0 ? "/pricing" : "/product" },
    idempotencyKey: `${runId}-${index}`,
  };
}

async function sendEvents(keys: readonly string[], events: ReturnType<typeof eventFor>[], requestIndex: number): Promise<void> {
  const single = events.length === 1;
  const route = single ? "POST /api/v1/events (1)" : `POST /api/v1/events (${BATCH_SIZE})`;
  const started = now();
  try {
    const response = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys[requestIndex % keys.length]}` },
      body: JSON.stringify(single ? events[0] : { events }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    record(route, started, outcomeOf(response.status));
    if (!response.ok) return;
    if (single) {
      acknowledgedKeys.add(events[0].idempotencyKey);
      return;
    }
    const { results } = JSON.parse(body) as { results: Array<{ index: number; status: string }> };
    for (const result of results) if (result.status === "created" || result.status === "duplicate") acknowledgedKeys.add(events[result.index].idempotencyKey);
  } catch {
    record(route, started, "other");
  }
}

/** Sends events at the set rate until `endAt`, never waiting for an answer before the next request. */
async function eventLoad(emails: readonly string[], keys: readonly string[], runId: string, endAt: number): Promise<void> {
  const pending = new Set<Promise<void>>();
  let requestIndex = 0;
  while (now() < endAt) {
    const due = Math.floor((now() / 1000) * EVENTS_PER_SECOND);
    while (eventsSent < due) {
      const size = requestIndex % 2 === 0 ? 1 : BATCH_SIZE;
      const events = Array.from({ length: size }, (_, offset) => eventFor(emails, runId, eventsSent + offset));
      eventsSent += size;
      const request = sendEvents(keys, events, requestIndex++);
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
    await sleep(5);
  }
  await Promise.all(pending);
}

async function pageLoop(loop: (typeof PAGE_LOOPS)[number], jar: CookieJar, endAt: number): Promise<void> {
  while (now() < endAt) {
    const started = now();
    try {
      const response = await fetch(`${BASE_URL}${loop.url}`, { redirect: "manual", headers: { cookie: jar.header() }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await response.text();
      // A 200 without the page's heading is an error page, not the page.
      record(loop.route, started, response.status === 200 && !body.includes(loop.marker) ? "other" : outcomeOf(response.status));
    } catch {
      record(loop.route, started, "other");
    }
    await sleep(Math.max(0, Math.min(THINK_MS, endAt - now())));
  }
}

// The Import page calls server actions: a POST to the page naming the action, its arguments as JSON.
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename === "lib/server/ingest/csv-import-actions.ts" && entry.exportedName) ids[entry.exportedName] = id;
  for (const name of ["previewCsvAction", "startCsvImportAction", "getImportJobAction"]) {
    if (!ids[name]) throw new Error(`The build has no server action ${name} in lib/server/ingest/csv-import-actions.ts.`);
  }
  return ids;
}

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function callAction<T>(route: string, jar: CookieJar, id: string, input: unknown): Promise<T> {
  const started = now();
  const response = await fetch(`${BASE_URL}/import`, {
    method: "POST",
    headers: { cookie: jar.header(), "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([input]),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  record(route, started, outcomeOf(response.status));
  // The answer is React's flight format: row 1 holds the action's return value as JSON.
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!response.ok || !row) throw new Error(`${route} answered ${response.status}: ${text.slice(0, 300)}`);
  const result = JSON.parse(row.slice(2)) as ActionResult<T>;
  if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

function eventsCsv(emails: readonly string[], runId: string): string {
  const lines = ["email,event,timestamp,content"];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const day = new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i % 60, i % 59)).toISOString();
    lines.push(`${emails[(i * 104_729) % emails.length]},${i % 2 === 0 ? "event_attended" : "content_download"},${day},"${runId} row ${i}"`);
  }
  return lines.join("\n");
}

type ImportWindow = { startedAt: number; endedAt?: number; result?: { created: number; duplicates: number; failed: number; total: number }; error?: string };

async function importDuringLoad(jar: CookieJar, emails: readonly string[], runId: string, window: ImportWindow): Promise<void> {
  const ids = actionIds();
  const text = eventsCsv(emails, runId);
  await sleep(Math.max(0, IMPORT_AT_SECONDS * 1000 - now()));
  window.startedAt = now();
  try {
    const { mapping } = await callAction<{ mapping: Array<string | null> }>("action previewCsv", jar, ids.previewCsvAction, { text, kind: "events" });
    const { jobId } = await callAction<{ jobId: string }>("action startCsvImport", jar, ids.startCsvImportAction, { text, kind: "events", mapping });
    for (;;) {
      await sleep(1_000);
      const job = await callAction<{ status: string; error: string | null; result: ImportWindow["result"] }>("action getImportJob", jar, ids.getImportJobAction, { jobId });
      if (job.status === "done") {
        window.result = job.result;
        break;
      }
      if (job.status === "failed") throw new Error(`The import failed: ${job.error}`);
    }
  } catch (error) {
    window.error = error instanceof Error ? error.message : String(error);
  }
  window.endedAt = now();
}

// --- the report --------------------------------------------------------------------------------

const ROUTE_ORDER = ["POST /api/v1/events (1)", `POST /api/v1/events (${BATCH_SIZE})`, ...PAGE_LOOPS.map((loop) => loop.route), "action previewCsv", "action startCsvImport", "action getImportJob"];

function routeTable(selected: readonly Sample[]): string {
  const header = `  ${"route".padEnd(28)} ${"requests".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"2xx".padStart(7)} ${"429".padStart(6)} ${"503".padStart(6)} ${"other".padStart(6)}`;
  const rows = ROUTE_ORDER.flatMap((route) => {
    const ofRoute = selected.filter((sample) => sample.route === route);
    if (ofRoute.length === 0) return [];
    const ms = ofRoute.map((sample) => sample.ms);
    const count = (outcome: Outcome) => String(ofRoute.filter((sample) => sample.outcome === outcome).length);
    return [
      `  ${route.padEnd(28)} ${String(ofRoute.length).padStart(8)} ${percentile(ms, 0.5).toFixed(1).padStart(8)} ${percentile(ms, 0.99).toFixed(1).padStart(8)} ${count("2xx").padStart(7)} ${count("429").padStart(6)} ${count("503").padStart(6)} ${count("other").padStart(6)}`,
    ];
  });
  return [header, ...rows].join("\n");
}

const eventRoutes = (sample: Sample) => sample.route.startsWith("POST /api/v1/events");

function apiLine(selected: readonly Sample[]): string {
  const ms = selected.filter(eventRoutes).map((sample) => sample.ms);
  return ms.length === 0 ? "no API requests" : `API (all event requests) p50 ${percentile(ms, 0.5).toFixed(1)} ms, p99 ${percentile(ms, 0.99).toFixed(1)} ms over ${ms.length} requests`;
}

const mb = (value: number) => `${value.toFixed(0)} MB`;

function rssLine(sample: RssSample | undefined): string {
  return sample ? `RSS ${mb(sample.rss)} (anonymous ${mb(sample.anon)}, file-backed ${mb(sample.file)})` : "RSS not found";
}

/** Least-squares slope of RSS over time, in MB a minute. */
function rssSlope(points: readonly RssSample[]): number {
  if (points.length < 2) return 0;
  const meanT = points.reduce((sum, point) => sum + point.at, 0) / points.length;
  const meanR = points.reduce((sum, point) => sum + point.rss, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.at - meanT) * (point.rss - meanR), 0);
  const variance = points.reduce((sum, point) => sum + (point.at - meanT) ** 2, 0);
  return (covariance / variance) * 60_000;
}

function intervalReport(from: number, to: number) {
  const selected = samples.filter((sample) => sample.at >= from && sample.at < to);
  console.log(`\n[${(to / 1000).toFixed(0).padStart(4)} s] ${rssLine(rssSamples.at(-1))}; events sent ${eventsSent}, acknowledged ${acknowledgedKeys.size}`);
  console.log(routeTable(selected));
}

// --- the run -----------------------------------------------------------------------------------

async function soak(server: ChildProcess, emails: string[], keys: string[], runId: string): Promise<ImportWindow> {
  await waitUntilServing(server);
  const jars = new Map<string, CookieJar>();
  for (const user of new Set(PAGE_LOOPS.map((loop) => loop.user))) jars.set(user, await signIn(user, "leadgate-demo"));
  // One load of each page first, so the soak measures a warm server rather than its first renders.
  for (const loop of PAGE_LOOPS) await fetch(`${BASE_URL}${loop.url}`, { headers: { cookie: jars.get(loop.user)!.header() } }).then((response) => response.text());

  // startServer spawns server.mjs itself: the server is that process.
  const serverPid = server.pid!;
  const sampleRss = () => {
    const rss = readRss(serverPid);
    if (rss) rssSamples.push({ at: now(), ...rss });
    const wal = `${SOAK_DATABASE}-wal`;
    if (existsSync(wal)) largestWalBytes = Math.max(largestWalBytes, statSync(wal).size);
  };

  clock = performance.now();
  const endAt = SECONDS * 1000;
  sampleRss();
  const rssTimer = setInterval(sampleRss, RSS_EVERY_MS);
  let reportedUntil = 0;
  const reportTimer = setInterval(() => {
    const until = now();
    intervalReport(reportedUntil, until);
    reportedUntil = until;
  }, REPORT_EVERY_MS);
  const importWindow: ImportWindow = { startedAt: Number.NaN };
  try {
    await Promise.all([
      eventLoad(emails, keys, runId, endAt),
      ...PAGE_LOOPS.map((loop) => pageLoop(loop, jars.get(loop.user)!, endAt)),
      IMPORT_AT_SECONDS < SECONDS ? importDuringLoad(jars.get("marketer@leadgate.test")!, emails, runId, importWindow) : Promise.resolve(),
    ]);
  } finally {
    clearInterval(rssTimer);
    clearInterval(reportTimer);
  }
  sampleRss();
  if (now() - reportedUntil > 1_000) intervalReport(reportedUntil, now());
  return importWindow;
}

async function main() {
  const runId = `soak-${Date.now().toString(36)}`;
  const { emails, keys, importEventsBefore } = await prepareDatabase();
  console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}`);
  console.log(`Dataset: copy of ${path.relative(process.cwd(), BENCH_DATABASE)} (${emails.length} leads) at ${path.relative(process.cwd(), SOAK_DATABASE)}`);
  console.log(
    `Load: ${SECONDS} s; ${EVENTS_PER_SECOND} events/s open loop (alternately 1 and ${BATCH_SIZE} a request, ${API_KEYS} API keys); ` +
      `${PAGE_LOOPS.map((loop) => loop.url).join(", ")} each in a loop with ${THINK_MS} ms between loads; ` +
      `a ${IMPORT_ROWS.toLocaleString("en-US")}-row event CSV import at ${IMPORT_AT_SECONDS} s`,
  );

  await assertPortFree();
  // For comparing the server's memory under different Node settings, e.g. --max-old-space-size.
  const serverNodeOptions = process.env.SOAK_SERVER_NODE_OPTIONS;
  const server = startServer(SOAK_DATABASE, serverNodeOptions ? { NODE_OPTIONS: serverNodeOptions } : {});
  const stop = () => void stopServer(server).finally(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let importWindow: ImportWindow;
  try {
    importWindow = await soak(server, emails, keys, runId);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await stopServer(server);
  }
  const elapsedSeconds = now() / 1000;

  console.log(`\n=== Totals over ${elapsedSeconds.toFixed(0)} s ===`);
  console.log(routeTable(samples));
  console.log(apiLine(samples));
  const eventRequests = samples.filter(eventRoutes);
  console.log(
    `Throughput: ${eventsSent} events sent in ${eventRequests.length} requests (${(eventsSent / SECONDS).toFixed(0)} events/s offered), ` +
      `${acknowledgedKeys.size} acknowledged (${(acknowledgedKeys.size / SECONDS).toFixed(0)} events/s); all requests ${(samples.length / elapsedSeconds).toFixed(0)} req/s`,
  );

  if (importWindow.error) console.log(`\nImport: FAILED: ${importWindow.error}`);
  else if (importWindow.endedAt !== undefined && importWindow.result) {
    const { startedAt, endedAt, result } = importWindow;
    console.log(
      `\n=== During the import (${(startedAt / 1000).toFixed(0)}–${(endedAt / 1000).toFixed(0)} s, ${((endedAt - startedAt) / 1000).toFixed(1)} s: ` +
        `created ${result.created}, duplicates ${result.duplicates}, failed ${result.failed} of ${result.total}) ===`,
    );
    const during = samples.filter((sample) => sample.at >= startedAt && sample.at < endedAt);
    console.log(routeTable(during));
    console.log(apiLine(during));
    const importEventsAdded = importEventsInDatabase() - importEventsBefore;
    console.log(`Import check: the job reported ${result.created} created; the database gained ${importEventsAdded} imported events`);
  }

  if (rssSamples.length > 0) {
    const max = rssSamples.reduce((top, sample) => (sample.rss > top.rss ? sample : top));
    const settled = rssSamples.filter((sample) => sample.at >= Math.min(60_000, (SECONDS * 1000) / 2));
    console.log(`\n=== server memory (${rssSamples.length} samples, every ${RSS_EVERY_MS / 1000} s) ===`);
    console.log(`first ${rssLine(rssSamples[0])}`);
    console.log(`max   ${rssLine(max)} at ${(max.at / 1000).toFixed(0)} s`);
    console.log(`last  ${rssLine(rssSamples.at(-1))}`);
    console.log(`slope ${rssSlope(rssSamples).toFixed(1)} MB/min over the run, ${rssSlope(settled).toFixed(1)} MB/min from ${((settled[0]?.at ?? 0) / 1000).toFixed(0)} s on`);
    console.log(`over time: ${rssSamples.filter((_, index) => index % 6 === 0).map((sample) => `${(sample.at / 1000).toFixed(0)} s ${sample.rss.toFixed(0)}`).join(", ")} (MB)`);
  }

  console.log(`\nWrite-ahead log: largest ${(largestWalBytes / 1024 / 1024).toFixed(1)} MB (sampled every ${RSS_EVERY_MS / 1000} s)`);
  const { stored, lost } = lostWrites(runId);
  console.log(`\nLost writes: ${acknowledgedKeys.size} events acknowledged (created or duplicate), ${stored} of this run's idempotency keys stored, ${lost.length} acknowledged but missing`);
  if (lost.length > 0) {
    console.error(`FAIL: acknowledged events missing from the database, e.g. ${lost.slice(0, 5).join(", ")}`);
    process.exit(1);
  }
  if (importWindow.error) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
