// Measures the tracking collector (POST /api/v1/collect) against the stack's own ceiling, on a
// copy of the 100,000-lead benchmark database: anonymous page views (the bulk of a site's
// traffic), page views of visitors already known as leads (stored and scored as the lead's
// events), and the cheapest JSON answer the server gives, in the same run. The server is
// production's (server.mjs), which answers the collector in its direct lane: the ceiling is the
// lane's static answer, and the same answer through Next.js is shown beside it. A last line
// runs the collector's own code behind a bare node:http server in this process, to show what the
// lane's adapting and headers cost (SQLite only: this process then writes the database itself).
// Usage: npm run bench:collect                   (SQLite)
//        npm run bench:collect -- --db postgres  (the benchmark's PostgreSQL cluster)
import http from "node:http";
import os from "node:os";
import autocannon from "autocannon";
import { BASE_URL, assertPortFree, benchEngine, engineName, prepareBenchDatabase, startServer, stopPostgresCluster, stopServer, waitUntilServing } from "./bench-support";

const SECONDS = 10;
const SITE = "https://www.bench.example";
const VISITORS = 20_000;
const ENGINE = benchEngine();

type Line = { measure: string; value: string; target: string; pass: boolean | null };

async function load(options: { url?: string; path: string; method?: "GET" | "POST"; bodies?: string[]; connections: number; seconds?: number }) {
  let next = 0;
  const result = await autocannon({
    url: `${options.url ?? BASE_URL}${options.path}`,
    method: options.method ?? "GET",
    connections: options.connections,
    duration: options.seconds ?? SECONDS,
    // As the snippet sends them: text/plain (sendBeacon), from the site's origin, one visitor's address each.
    headers: { "content-type": "text/plain;charset=UTF-8", origin: SITE },
    requests: [{ setupRequest: (request) => (options.bodies ? { ...request, body: options.bodies[next++ % options.bodies.length] } : request) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${options.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: result.requests.average, p99: result.latency.p99 };
}

function pageViews(writeKey: string, anonymousIds: readonly string[]): string[] {
  return anonymousIds.map((anonymousId, index) =>
    JSON.stringify({
      writeKey,
      anonymousId,
      type: "page_view",
      url: `${SITE}/${index % 5 === 0 ? "pricing" : "product"}?utm_source=bench&utm_campaign=collect`,
      referrer: "https://search.example/",
      properties: { title: "Bench page" },
    }),
  );
}

const BARE_PORT = 3300;
// Out of the way, as in the server: the benchmark measures the work, not the limits.
const RAISED_LIMITS = { LEADGATE_COLLECT_RATE_LIMIT: "100000000", LEADGATE_COLLECT_RATE_LIMIT_PER_ADDRESS: "100000000" };

/** The collector's own work (validation, key, origin, rate limits, grouped writes) behind node:http, on this process's database. */
async function bareCollector(writeKey: string) {
  Object.assign(process.env, RAISED_LIMITS);
  const { collect, collectingKey } = await import("../lib/server/tracking/collect");
  const { throttleCollect } = await import("../lib/server/tracking/collect-http");
  const { collectSchema } = await import("../lib/core/tracking");
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answer = async () => {
        const message = collectSchema.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        const key = await collectingKey(message.writeKey, String(request.headers.origin ?? ""), `http://localhost:${BARE_PORT}`);
        await throttleCollect(key, new Request(`http://localhost:${BARE_PORT}/api/v1/collect`, { method: "POST" }));
        await collect(message, key);
      };
      answer().then(
        () => response.writeHead(202, { "content-type": "application/json", "access-control-allow-origin": SITE }).end('{"accepted":true}'),
        (error) => response.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(BARE_PORT, resolve));
  try {
    const bodies = pageViews(writeKey, Array.from({ length: VISITORS }, (_, index) => `bare-visitor-${index.toString().padStart(6, "0")}`));
    await load({ url: `http://localhost:${BARE_PORT}`, path: "/api/v1/collect", method: "POST", bodies, connections: 16, seconds: 3 });
    return await load({ url: `http://localhost:${BARE_PORT}`, path: "/api/v1/collect", method: "POST", bodies, connections: 16 });
  } finally {
    server.close();
  }
}

async function main() {
  await assertPortFree();
  const bench = await prepareBenchDatabase("collect", ENGINE);
  const { db } = await import("../lib/server/store/db");
  const { createWriteKey } = await import("../lib/server/tracking/write-keys");
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const { key: writeKey, id: writeKeyId } = await createWriteKey({ name: `bench ${Date.now()}`, origins: [SITE], createdById: admin.id });
  // Visitors already known as leads: their page views are the leads' events, scored as they arrive.
  const leads = await db.lead.findMany({ select: { id: true }, take: 2_000, orderBy: { id: "asc" } });
  const known = leads.map((lead, index) => ({ anonymousId: `known-visitor-${index}`, leadId: lead.id }));
  await db.visitor.createMany({ data: known.map((visitor) => ({ writeKeyId, anonymousId: visitor.anonymousId, leadId: visitor.leadId, createdAt: new Date(), identifiedAt: new Date() })) });
  const { closeStore } = await import("../lib/server/store/database");
  await db.$disconnect();
  await closeStore();

  console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; engine: ${engineName(ENGINE)}`);
  const server = startServer(bench.database, { LEADGATE_BENCH_ROUTES: "1", ...RAISED_LIMITS });
  const lines: Line[] = [];
  try {
    await waitUntilServing(server);
    const anonymous = pageViews(writeKey, Array.from({ length: VISITORS }, (_, index) => `anon-visitor-${index.toString().padStart(6, "0")}`));
    const identified = pageViews(writeKey, known.map((visitor) => visitor.anonymousId));
    // Warm-up: compiled routes, connection pools, the first visitors made.
    await load({ path: "/api/bench/static", connections: 8, seconds: 2 });
    await load({ path: "/api/bench/static-direct", connections: 8, seconds: 2 });
    await load({ path: "/api/v1/collect", method: "POST", bodies: anonymous, connections: 8, seconds: 3 });

    const nextCeiling = await load({ path: "/api/bench/static", connections: 16 });
    lines.push({ measure: "Static JSON through Next.js (16 connections)", value: `${nextCeiling.perSecond.toFixed(0)} req/s`, target: "—", pass: null });
    const ceiling = await load({ path: "/api/bench/static-direct", connections: 16 });
    lines.push({ measure: "Ceiling: static JSON in the direct lane, the collector's path (16 connections)", value: `${ceiling.perSecond.toFixed(0)} req/s`, target: "—", pass: null });
    for (const connections of [16, 32]) {
      const run = await load({ path: "/api/v1/collect", method: "POST", bodies: anonymous, connections });
      lines.push({ measure: `Anonymous page views, ${connections} connections`, value: `${run.perSecond.toFixed(0)} /s, p99 ${run.p99} ms`, target: "≥ 2,000 /s", pass: run.perSecond >= 2000 });
      lines.push({ measure: "… / static JSON in the lane", value: `${((run.perSecond / ceiling.perSecond) * 100).toFixed(0)} %`, target: "—", pass: null });
    }
    const scored = await load({ path: "/api/v1/collect", method: "POST", bodies: identified, connections: 16 });
    lines.push({ measure: "Known visitors' page views, stored and scored as the lead's events, 16 connections", value: `${scored.perSecond.toFixed(0)} /s, p99 ${scored.p99} ms`, target: "—", pass: null });
  } finally {
    await stopServer(server);
    if (ENGINE === "postgres") stopPostgresCluster();
  }
  if (ENGINE === "sqlite") {
    const bare = await bareCollector(writeKey);
    lines.push({ measure: "The same collector code behind a bare node:http server (no Next.js), 16 connections", value: `${bare.perSecond.toFixed(0)} /s, p99 ${bare.p99} ms`, target: "—", pass: null });
  }

  console.log("\n| Measure | Value | Target | Result |\n|---|---|---|---|");
  for (const line of lines) console.log(`| ${line.measure} | ${line.value} | ${line.target} | ${line.pass === null ? "—" : line.pass ? "pass" : "MISS"} |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
