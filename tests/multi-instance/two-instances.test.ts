import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import { searchTextOf } from "@/lib/core/lead-search";
import { db } from "@/lib/server/store/db";
import { createKey } from "../support/api";
import { createDisqualificationReasons, createUser } from "../support/factories";

// Two production servers (`server.mjs`, as `npm start` runs it, on the build `npm test` makes) on one PostgreSQL
// database behave as one app: what one instance writes or ends, the other sees at once, and a
// job whose instance dies is carried on by the other.

const root = path.resolve(import.meta.dirname, "../..");
const RATE_LIMIT = 20;
const PASSWORD = "multi-instance passphrase";

type Instance = { base: string; process: ChildProcess; output: string[] };
const instances: Instance[] = [];
const [a, b] = [() => instances[0], () => instances[1]];

function start(port: number): Instance {
  const child = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      NEXTAUTH_SECRET: "multi-instance-tests-only-secret-0123456789",
      NEXTAUTH_URL: `http://localhost:${port}`,
      LEADGATE_API_RATE_LIMIT: String(RATE_LIMIT),
      LEADGATE_JOB_LEASE_SECONDS: "3",
      LEADGATE_PG_POOL_SIZE: "5",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  return { base: `http://localhost:${port}`, process: child, output };
}

async function untilServing(instance: Instance): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${instance.base}/signin`)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${instance.base} did not start:\n${instance.output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const api = (instance: Instance, key: string, route: string, body?: unknown) =>
  fetch(`${instance.base}/api/v1${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

/** Signs in through next-auth's own credentials endpoint on `instance`; the session's cookies. */
async function signIn(instance: Instance, email: string, password: string): Promise<{ status: number; cookies: string[] }> {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${instance.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), origin: instance.base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return { status: response.status, cookies: [...cookiesOf(csrf), ...cookiesOf(response)] };
}

async function signOut(instance: Instance, cookies: string[]): Promise<void> {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`, { headers: { cookie: cookies.join("; ") } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await fetch(`${instance.base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: instance.base },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
}

const live = (instance: Instance, cookies: string[]) => fetch(`${instance.base}/api/live`, { headers: { cookie: cookies.join("; ") } });

/** A port nothing listens on now (a server left over from another run can't be mistaken for ours). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  await createDisqualificationReasons();
  for (let instance = 0; instance < 2; instance++) instances.push(start(await freePort()));
  await Promise.all(instances.map(untilServing));
}, 90_000);

afterAll(async () => {
  for (const instance of instances) {
    instance.process.kill("SIGKILL");
    // What each server printed, for a failure's post-mortem.
    writeFileSync(path.join(root, ".tmp", `multi-instance-${new URL(instance.base).port}.log`), instance.output.join(""));
  }
});

describe("two instances on one PostgreSQL database", () => {
  test("a change written through one instance reaches a board served by the other within 5 s, on a session signed in on the first", async () => {
    const manager = await createUser("MANAGER", { password: PASSWORD });
    const { cookies } = await signIn(a(), manager.email, PASSWORD);
    const before = await live(b(), cookies);
    expect(before.status).toBe(200);
    const { token } = (await before.json()) as { token: string };
    const { key } = await createKey();
    expect((await api(a(), key, "/events", { email: "new.visitor@multi.example", type: "page_view" })).status).toBe(201);
    const deadline = Date.now() + 5_000;
    let changed = false;
    while (!changed && Date.now() < deadline) {
      const poll = await live(b(), cookies);
      changed = ((await poll.json()) as { token: string }).token !== token;
      if (!changed) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(changed).toBe(true);
  });

  test("signing out on one instance ends the session on the other", async () => {
    const rep = await createUser("SALES", { password: PASSWORD });
    const { cookies } = await signIn(b(), rep.email, PASSWORD);
    expect((await live(a(), cookies)).status).toBe(200);
    await signOut(b(), cookies);
    expect((await live(a(), cookies)).status).toBe(401);
  });

  test("failed sign-ins count across instances: the account is throttled on both", async () => {
    const marketer = await createUser("MARKETER", { password: PASSWORD });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn(instances[attempt % 2], marketer.email, "wrong password")).cookies.some((cookie) => cookie.startsWith("next-auth.session-token="))).toBe(false);
    }
    for (const instance of instances) {
      const { cookies } = await signIn(instance, marketer.email, PASSWORD);
      expect(cookies.some((cookie) => cookie.startsWith("next-auth.session-token="))).toBe(false);
    }
  });

  test("a revoked API key is refused by both instances from the next call", async () => {
    const created = await createKey();
    expect((await api(a(), created.key, "/leads")).status).toBe(200);
    expect((await api(b(), created.key, "/leads")).status).toBe(200);
    await db.apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    expect((await api(a(), created.key, "/leads")).status).toBe(401);
    expect((await api(b(), created.key, "/leads")).status).toBe(401);
  });

  test("a key's rate limit is one bucket, whichever instance answers", async () => {
    const { key } = await createKey();
    const statuses: number[] = [];
    for (let call = 0; call < RATE_LIMIT + 10; call++) statuses.push((await api(instances[call % 2], key, "/leads")).status);
    const allowed = statuses.filter((status) => status === 200).length;
    // A few seconds of refill at 20 a minute may add one.
    expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT);
    expect(allowed).toBeLessThanOrEqual(RATE_LIMIT + 1);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(9);
  });

  test("the same idempotency key sent to both at once stores one event", async () => {
    const { key } = await createKey();
    const event = { email: "twice@multi.example", type: "form_submit", idempotencyKey: "form-42" };
    const answers = await Promise.all([api(a(), key, "/events", event), api(b(), key, "/events", event)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(await db.event.count({ where: { idempotencyKey: "form-42" } })).toBe(1);
  });

  test("a lead pushed over the MQL threshold through both instances at once moves once", async () => {
    const { key } = await createKey();
    const person = { firstName: "Racing", lastName: "Buyer", email: "racing@multi.example" };
    // Fit 63 on the default rules: one booked meeting (30) takes it past the MQL threshold of 80.
    const lead = await db.lead.create({
      data: { ...person, searchText: searchTextOf(person), companySize: 1_500, annualRevenue: 150_000_000, seniority: "C-level", industry: "Software", website: "multi.example" },
    });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => api(instances[index % 2], key, "/events", { leadId: lead.id, type: "meeting_booked" })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("MQL");
    expect(await db.stageTransition.count({ where: { leadId: lead.id, toStage: "MQL" } })).toBe(1);
  });

  test("a job whose instance is killed is carried on by the other from its last step", async () => {
    const leads = 6_000;
    await db.lead.createMany({
      data: Array.from({ length: leads }, (_, n) => {
        const lead = { firstName: "Bulk", lastName: `Lead${n}`, email: `bulk${n}@multi.example` };
        return { ...lead, searchText: searchTextOf(lead) };
      }),
    });
    // With the leads the tests before made.
    const total = await db.lead.count();
    const { key } = await createKey();
    const saved = await api(a(), key, "/scoring/rule-sets", { rules: DEFAULT_SCORING_RULES, note: "Re-score across instances", activate: true });
    expect(saved.status).toBe(201);
    const jobId = ((await saved.json()) as { job: { id: string } }).job.id;

    let runner: string | null = null;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
      const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.status).not.toBe("done");
      if (job.runner && job.processed > 0) {
        runner = job.runner;
        break;
      }
    }
    expect(runner).not.toBeNull();
    const pid = Number(runner!.split(":")[1]);
    const dying = instances.find((instance) => instance.process.pid === pid) ?? null;
    process.kill(pid, "SIGKILL");
    dying?.process.kill("SIGKILL");

    let finished = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    for (const deadline = Date.now() + 60_000; finished.status !== "done" && finished.status !== "failed" && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      finished = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    }
    expect(finished).toMatchObject({ status: "done", processed: total });
    expect(finished.resumes).toBeGreaterThanOrEqual(1);
    expect(finished.runner).not.toBe(runner);
    expect(await db.lead.count({ where: { ruleSetVersion: { not: 2 } } })).toBe(0);
  }, 120_000);
});
