import { z } from "zod";

// The only reader of process.env: every setting, its default, and the error when it is missing.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((url) => !url?.trim() || /^(file:|postgres(ql)?:\/\/)/.test(url.trim()), { error: 'must be a SQLite "file:" URL or a "postgres://" URL' }),
  // PostgreSQL only: connections each instance keeps open, and how long one statement may run.
  LEADGATE_PG_POOL_SIZE: unset(z.coerce.number().int().min(2).max(500).default(10)),
  LEADGATE_PG_STATEMENT_TIMEOUT_MS: unset(z.coerce.number().int().min(100).default(30_000)),
  // PostgreSQL only: how long a job stays with an instance that stopped renewing its lease before another takes it over.
  LEADGATE_JOB_LEASE_SECONDS: unset(z.coerce.number().int().min(3).max(3600).default(30)),
  NEXTAUTH_SECRET: z.string().optional(),
  // The app's public address, for links in e-mails (next-auth reads it too).
  NEXTAUTH_URL: unset(z.url({ error: "must be the app's public URL, e.g. https://leads.example.com" }).optional()),
  // E-mail: an SMTP server (smtp://user:password@host:587, smtps://… for TLS from the start) and the sender.
  LEADGATE_SMTP_URL: unset(z.string().regex(/^smtps?:\/\/./, { error: 'must be an "smtp://" or "smtps://" URL, e.g. smtp://user:password@mail.example.com:587' }).optional()),
  LEADGATE_MAIL_FROM: unset(z.string().min(3).default("Leadgate <leadgate@localhost>")),
  LEADGATE_DEMO_API_KEY: z.string().optional(),
  LEADGATE_API_RATE_LIMIT: z.coerce.number().int().positive().default(3000),
  LEADGATE_BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  // Local development and tests only: webhooks may then go to http:// and private addresses.
  LEADGATE_WEBHOOK_ALLOW_PRIVATE: unset(z.enum(["0", "1"], { error: 'must be "1" (webhooks may go to private addresses and plain http) or "0"' }).default("0")),
  // The tracking collector's limits, messages a minute: per write key (a site) and per client address.
  LEADGATE_COLLECT_RATE_LIMIT: unset(z.coerce.number().int().positive().default(120_000)),
  LEADGATE_COLLECT_RATE_LIMIT_PER_ADDRESS: unset(z.coerce.number().int().positive().default(600)),
  LEADGATE_DEMO_WRITE_KEY: unset(z.string().regex(/^lg_pub_[A-Za-z0-9_-]{8,80}$/, { error: "must be lg_pub_ followed by 8–80 letters, digits, dashes or underscores" }).optional()),
  LEADGATE_API_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(32),
  // How SQLite commits: "full" survives power loss; "normal" may lose the last commits then.
  LEADGATE_SQLITE_SYNC: unset(z.enum(["full", "normal"], { error: 'must be "full" (every acknowledged write survives power loss) or "normal" (faster; a power cut may lose the last writes)' }).default("full")),
  // First run: demo leads and users, or a clean start with a first admin (scripts/setup-database.ts).
  LEADGATE_DEMO: unset(z.enum(["on", "off"], { error: 'must be "on" (seed the demo leads and users) or "off" (start with an empty database)' }).default("on")),
  LEADGATE_ADMIN_EMAIL: unset(z.string().trim().toLowerCase().pipe(z.email({ error: "must be an e-mail address, e.g. you@example.com" })).optional()),
  LEADGATE_ADMIN_PASSWORD: unset(z.string().min(12, { error: "must be at least 12 characters" }).max(200, { error: "must be at most 200 characters" }).optional()),
});

/** An empty or blank variable (`LEADGATE_DEMO=`) counts as unset, so its default applies. */
function unset<T extends z.ZodType>(type: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), type);
}

const DEVELOPMENT_SECRET = "leadgate-development-secret-not-for-production";

function read() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function databaseUrl(): string | undefined {
  return read().DATABASE_URL;
}

/** How long an instance holds a job without renewing its lease (ms); another instance then takes it over. */
export function jobLeaseMs(): number {
  return read().LEADGATE_JOB_LEASE_SECONDS * 1000;
}

/** PostgreSQL connection pool of one instance: its size, and the longest a statement may run (ms). */
export function postgresPool(): { size: number; statementTimeoutMs: number } {
  const { LEADGATE_PG_POOL_SIZE, LEADGATE_PG_STATEMENT_TIMEOUT_MS } = read();
  return { size: LEADGATE_PG_POOL_SIZE, statementTimeoutMs: LEADGATE_PG_STATEMENT_TIMEOUT_MS };
}

/** The secret that signs session cookies. Production refuses to start without a real one. */
export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = read();
  if (NEXTAUTH_SECRET && NEXTAUTH_SECRET.length >= 32) return NEXTAUTH_SECRET;
  if (NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is missing or shorter than 32 characters. Set it to a long random value " +
        "(for example `openssl rand -base64 32`) before starting Leadgate in production. " +
        "`npm run app` creates one for the demo in data/.nextauth-secret.",
    );
  }
  return DEVELOPMENT_SECRET;
}

export function demoApiKey(): string | undefined {
  return read().LEADGATE_DEMO_API_KEY;
}

/** Requests a minute each API key may make (bursts up to the same number). */
export function apiRateLimitPerMinute(): number {
  return read().LEADGATE_API_RATE_LIMIT;
}

/**
 * SQLite's synchronous mode for every connection that writes. FULL syncs the write-ahead log on
 * each commit, so an acknowledged write survives a power cut; NORMAL syncs only at checkpoints
 * (still safe against a crash of the process). BENCHMARKS.md measures what FULL costs.
 */
export function sqliteSynchronous(): "FULL" | "NORMAL" {
  return read().LEADGATE_SQLITE_SYNC === "full" ? "FULL" : "NORMAL";
}

/** Where e-mail goes out (null: e-mail is off) and who it is from. */
export function mailSettings(): { smtpUrl: string | null; from: string } {
  const { LEADGATE_SMTP_URL, LEADGATE_MAIL_FROM } = read();
  return { smtpUrl: LEADGATE_SMTP_URL ?? null, from: LEADGATE_MAIL_FROM };
}

/** The app's public address, without a trailing slash, for links in e-mails. */
export function appUrl(): string {
  return (read().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** The tracking collector's rate limits, messages a minute per write key and per client address. */
export function collectRateLimits(): { perKey: number; perAddress: number } {
  const { LEADGATE_COLLECT_RATE_LIMIT, LEADGATE_COLLECT_RATE_LIMIT_PER_ADDRESS } = read();
  return { perKey: LEADGATE_COLLECT_RATE_LIMIT, perAddress: LEADGATE_COLLECT_RATE_LIMIT_PER_ADDRESS };
}

/** The demo site's write key (LEADGATE_DEMO_WRITE_KEY): registered at set-up, answering only the app's own pages. */
export function demoWriteKey(): string | undefined {
  return read().LEADGATE_DEMO_WRITE_KEY;
}

/** API requests one server works on at once; more are refused with 503 (lib/server/api/load-shedding.ts). */
export function apiMaxInFlight(): number {
  return read().LEADGATE_API_MAX_IN_FLIGHT;
}

/** The stack-ceiling routes under /api/bench exist only for `npm run bench:ingest`. */
export function benchRoutesEnabled(): boolean {
  return read().LEADGATE_BENCH_ROUTES === "1";
}

/** Whether webhooks may go to plain http:// and to private, loopback and link-local addresses (never in production). */
export function webhooksMayGoPrivate(): boolean {
  return read().LEADGATE_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Whether an empty database gets the demo leads and users (LEADGATE_DEMO, default on). */
export function demoDataEnabled(): boolean {
  return read().LEADGATE_DEMO === "on";
}

export type FirstAdmin = { email: string; password: string };

/**
 * The first admin to create on set-up (LEADGATE_ADMIN_EMAIL and LEADGATE_ADMIN_PASSWORD), or null
 * when neither is set. Setting only one of the two is an error, not a silent skip.
 */
export function firstAdmin(): FirstAdmin | null {
  const { LEADGATE_ADMIN_EMAIL: email, LEADGATE_ADMIN_PASSWORD: password } = read();
  if (email && password) return { email, password };
  if (!email && !password) return null;
  throw new Error(
    email
      ? "Invalid environment: LEADGATE_ADMIN_EMAIL is set but LEADGATE_ADMIN_PASSWORD is not. Set both (the password at least 12 characters) to create the first admin, or neither."
      : "Invalid environment: LEADGATE_ADMIN_PASSWORD is set but LEADGATE_ADMIN_EMAIL is not. Set both to create the first admin, or neither.",
  );
}

/** Reads every setting once, so a bad value stops a script before it does any work. */
export function checkEnvironment(): void {
  read();
  firstAdmin();
}

/** `next dev`: the Content-Security-Policy then allows the eval React uses for its error stacks. */
export function isDevelopment(): boolean {
  return read().NODE_ENV === "development";
}

