// Measures the scoring lab at 100,000 past leads with outcomes and about a million events:
// importing the history, a backtest, training a model, and what an active model adds to batch
// ingestion — each against the stack's own ceiling measured in the same run.
// Usage: npm run bench:scoring [-- --leads 100000]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { plantedHistory } from "../tests/support/history";

const DATABASE = path.resolve(".tmp/bench-scoring.db");
const IMPORT_BATCH = 1_000;
const INGEST_BATCH = 1_000;
const INGEST_ROUNDS = 9;
const NOISE_EVENTS = 8;

type Line = { measure: string; value: string; target: string; pass: boolean | null };
const lines: Line[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

function prepareDatabase() {
  mkdirSync(path.dirname(DATABASE), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DATABASE + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: `file:${DATABASE}`, CHECKPOINT_DISABLE: "1" } });
  const sqlite = new Database(DATABASE);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  process.env.DATABASE_URL = `file:${DATABASE}`;
}

/** The floor under any backtest: reading every lead, stage entry and event once, with nothing done to them. */
function readCeiling(): number {
  const sqlite = new Database(DATABASE, { readonly: true });
  const { ms } = time(() => {
    sqlite.prepare(`SELECT id, email, title, seniority, company, companySize, annualRevenue, industry, country, website, source, customFields, createdAt FROM "Lead"`).all();
    sqlite.prepare(`SELECT leadId, toStage, createdAt FROM "StageTransition"`).all();
    for (const row of sqlite.prepare<[], { properties: string }>(`SELECT id, leadId, type, occurredAt, properties FROM "Event"`).iterate()) JSON.parse(row.properties);
  });
  sqlite.close();
  return ms;
}

async function main() {
  const { values } = parseArgs({ options: { leads: { type: "string" } } });
  const leadCount = Number(values.leads ?? 100_000);
  prepareDatabase();
  const { db } = await import("../lib/server/store/db");
  const { ensureActiveRuleSet } = await import("../lib/server/scoring/rule-sets");
  const { activeRuleSet } = await import("../lib/server/scoring/lead-scoring");
  const { importHistory } = await import("../lib/server/ingest/import-history");
  const { backtest, labeledHistory } = await import("../lib/server/scoring/lab");
  const { trainModel } = await import("../lib/core/scoring-lab/model");
  const { ingestEvents } = await import("../lib/server/ingest/ingest-events");
  const { closeStore } = await import("../lib/server/store/database");
  const { DISQUALIFICATION_REASONS } = await import("../prisma/seed/demo-users");
  try {
    await db.disqualificationReason.createMany({ data: DISQUALIFICATION_REASONS.map((reason, sortOrder) => ({ ...reason, sortOrder })) });
    await ensureActiveRuleSet();

    const history = plantedHistory(leadCount, { noiseEvents: NOISE_EVENTS, seed: 11, prefix: "bench" });
    const events = history.records.reduce((total, record) => total + (record.events as unknown[]).length, 0);
    console.log(`Importing ${leadCount} past leads with ${events} events (${history.won} won, ${history.lost} lost, ${history.stalled} stalled, ${history.open} open)…`);
    let importMs = 0;
    for (let start = 0; start < history.records.length; start += IMPORT_BATCH) {
      const { result, ms } = await timeAsync(() => importHistory(history.records.slice(start, start + IMPORT_BATCH)));
      importMs += ms;
      const failed = result.filter((item) => item.status === "error");
      if (failed.length > 0) throw new Error(`History import refused a record: ${JSON.stringify(failed[0])}`);
      if ((start / IMPORT_BATCH) % 10 === 9) console.log(`  ${start + IMPORT_BATCH} / ${leadCount} (${seconds(importMs)})`);
    }
    lines.push({ measure: `history import, ${leadCount} leads with ${events} events`, value: `${seconds(importMs)} (${Math.round(leadCount / (importMs / 1000))} leads/s)`, target: "—", pass: null });

    const ceiling = median([readCeiling(), readCeiling(), readCeiling()]);
    lines.push({ measure: "ceiling: read every lead, stage entry and event (raw SQLite, JSON parsed)", value: seconds(ceiling), target: "—", pass: null });

    const rules = (await activeRuleSet()).rules;
    const backtests = [];
    for (let run = 0; run < 3; run++) backtests.push(await timeAsync(() => backtest({ rules })));
    const backtestMs = median(backtests.map((run) => run.ms));
    const report = backtests[0].result;
    lines.push({
      measure: `backtest of the default rules (${report.leads.scored} leads with outcomes, AUC ${report.auc?.toFixed(3)})`,
      value: `${seconds(backtestMs)} (${(backtestMs / ceiling).toFixed(1)}× the ceiling)`,
      target: "≤ 10 s",
      pass: backtestMs <= 10_000,
    });

    const training = await timeAsync(async () => {
      const labeled = await labeledHistory({ target: "WON", maturityDays: 90, now: Date.now() });
      return trainModel({ leads: labeled.labeled, pending: labeled.pending, target: "WON", rules });
    });
    if (!training.result.ok) throw new Error(training.result.error);
    const evaluation = training.result.evaluation;
    lines.push({
      measure: `training (${evaluation.training.leads} leads; held-out AUC ${evaluation.holdout.auc?.toFixed(3)} vs rules ${evaluation.rulesAuc?.toFixed(3)})`,
      value: `${seconds(training.ms)} (${(training.ms / ceiling).toFixed(1)}× the ceiling)`,
      target: "≤ 30 s",
      pass: training.ms <= 30_000,
    });

    await db.scoringModel.create({ data: { version: 1, target: "WON", status: "ready", active: false, model: JSON.stringify(training.result.model), evaluation: JSON.stringify(evaluation) } });
    const emails = history.records.map((record) => (record.lead as { email: string }).email);
    let sequence = 0;
    const batch = () =>
      Array.from({ length: INGEST_BATCH }, () => {
        const n = sequence++;
        return { email: emails[(n * 7919) % emails.length], type: n % 3 === 0 ? "demo_request" : "page_view", properties: { url: "/pricing" } };
      });
    const without: number[] = [];
    const withModel: number[] = [];
    // Alternating rounds, so drift in the machine's speed falls on both sides alike.
    for (let round = 0; round < INGEST_ROUNDS; round++) {
      await db.scoringModel.updateMany({ data: { active: false } });
      without.push((await timeAsync(() => ingestEvents(batch(), { source: "api" }))).ms);
      await db.scoringModel.updateMany({ data: { active: true } });
      withModel.push((await timeAsync(() => ingestEvents(batch(), { source: "api" }))).ms);
    }
    const ratio = median(withModel) / median(without);
    lines.push({ measure: `ingest a batch of ${INGEST_BATCH} events, no model (median of ${INGEST_ROUNDS})`, value: `${median(without).toFixed(0)} ms`, target: "—", pass: null });
    lines.push({
      measure: `ingest a batch of ${INGEST_BATCH} events, active model (median of ${INGEST_ROUNDS})`,
      value: `${median(withModel).toFixed(0)} ms (${((ratio - 1) * 100).toFixed(1)} % more)`,
      target: "≤ 10 % more",
      pass: ratio <= 1.1,
    });
    const { ms: activeImport } = await timeAsync(async () => importHistory(plantedHistory(1000, { noiseEvents: NOISE_EVENTS, seed: 12, prefix: "late" }).records));
    lines.push({ measure: "history import of 1,000 more leads with an active model", value: seconds(activeImport), target: "—", pass: null });
  } finally {
    await db.$disconnect();
    await closeStore();
  }

  console.log("\n| measure | value | target | result |\n| --- | --- | --- | --- |");
  for (const line of lines) console.log(`| ${line.measure} | ${line.value} | ${line.target} | ${line.pass === null ? "" : line.pass ? "PASS" : "FAIL"} |`);
  if (lines.some((line) => line.pass === false)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
