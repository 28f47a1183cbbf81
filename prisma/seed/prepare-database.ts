import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { demoApiKey, demoDataEnabled, demoWriteKey, firstAdmin } from "../../lib/env";
import { ensureDemoApiKey } from "../../lib/server/admin/api-keys";
import { ensureDemoWriteKey } from "../../lib/server/tracking/write-keys";
import { hashPassword } from "../../lib/server/auth/password";
import { rescoreAllLeads } from "../../lib/server/scoring/rescore-all";
import { ensureActiveRuleSet } from "../../lib/server/scoring/rule-sets";
import { DEMO_PASSWORD, DEMO_USERS, DISQUALIFICATION_REASONS } from "./demo-users";
import { isEmpty, seedDemo } from "./seed-demo";

// What `npm run db:setup` (scripts/setup-database.ts) does to a migrated database, as a function the
// integration tests call too. Never overwrites: what is already there is left as it is.

export type SetupReport = {
  /** seeded: the demo went into an empty database; kept: the database already held data; off: LEADGATE_DEMO=off. */
  demo: "seeded" | "kept" | "off";
  /** The first admin from the settings: created now, or already there (left unchanged). */
  admin: { email: string; created: boolean } | null;
  apiKeyRegistered: boolean;
  /** What happened, in words, for the person running `npm run app`. */
  lines: string[];
};

const SHOWN_USERS = 10;

/** "jane.doe@acme.com" → "Jane Doe": a readable name until the admin changes it. */
function nameFromEmail(email: string): string {
  const words = email.split("@")[0].split(/[._+-]+/).filter(Boolean);
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" ");
  return name.length >= 2 ? name : "Administrator";
}

/** The managed disqualification reasons, only into an empty list: a team's own edits are kept. */
async function ensureDisqualificationReasons(db: PrismaClient): Promise<boolean> {
  if ((await db.disqualificationReason.count()) > 0) return false;
  await db.disqualificationReason.createMany({ data: DISQUALIFICATION_REASONS.map((reason, sortOrder) => ({ ...reason, sortOrder })) });
  return true;
}

/**
 * Everything after the migration, on a migrated database. Reads LEADGATE_DEMO,
 * LEADGATE_ADMIN_EMAIL, LEADGATE_ADMIN_PASSWORD and LEADGATE_DEMO_API_KEY (lib/env.ts). The scores
 * are computed in the database DATABASE_URL names, which must be the one `db` writes to.
 */
export async function prepareDatabase(db: PrismaClient, options: { leadCount?: number; historyCount?: number; anchor?: Date } = {}): Promise<SetupReport> {
  const demoOn = demoDataEnabled();
  const admin = firstAdmin();
  const lines: string[] = [];
  let demo: SetupReport["demo"];

  if (demoOn && (await isEmpty(db))) {
    const started = Date.now();
    const seeded = await seedDemo(db, options);
    // The demo's scores come from the real engine and the default rules, as live ones would.
    const scored = await rescoreAllLeads({ pauses: false });
    demo = "seeded";
    lines.push(
      `Demo data: on — seeded ${seeded.leads.toLocaleString("en-US")} recent leads and ${seeded.pastLeads.toLocaleString("en-US")} past leads with outcomes, ` +
        `scored ${scored.leads.toLocaleString("en-US")} leads in ${((Date.now() - started) / 1000).toFixed(1)} s. (LEADGATE_DEMO=off starts without them.)`,
    );
  } else {
    await ensureActiveRuleSet();
    const addedReasons = await ensureDisqualificationReasons(db);
    demo = demoOn ? "kept" : "off";
    if (demoOn) lines.push("Demo data: on, but the database already holds data: left as it is.");
    else {
      const [leads, demoUsers] = await Promise.all([db.lead.count(), db.user.count({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } })]);
      lines.push(
        leads === 0 && demoUsers === 0
          ? "Demo data: off — no demo leads or users."
          : `Demo data: off — nothing seeded; the database already holds ${leads.toLocaleString("en-US")} leads${demoUsers > 0 ? ` and ${demoUsers} demo users from an earlier demo set-up` : ""}.`,
      );
    }
    if (addedReasons) lines.push("Installed the default disqualification reasons.");
  }

  let adminReport: SetupReport["admin"] = null;
  if (admin) {
    const existing = await db.user.findUnique({ where: { email: admin.email }, select: { id: true } });
    if (!existing) {
      await db.user.create({ data: { email: admin.email, name: nameFromEmail(admin.email), role: "ADMIN", passwordHash: await hashPassword(admin.password) } });
    }
    adminReport = { email: admin.email, created: !existing };
  }

  // Outside the seed, so a database seeded before the variable was set gets the key too.
  const key = demoApiKey();
  const apiKeyRegistered = key ? await ensureDemoApiKey(key) : false;
  const writeKey = demoWriteKey();
  if (writeKey && (await ensureDemoWriteKey(writeKey))) lines.push("Registered the demo site's write key from LEADGATE_DEMO_WRITE_KEY.");

  lines.push(...(await signInLines(db, adminReport)));
  if (apiKeyRegistered) lines.push("Registered the API key from LEADGATE_DEMO_API_KEY.");
  return { demo, admin: adminReport, apiKeyRegistered, lines };
}

/** Who can sign in now, and a warning with the fix when no admin can. */
async function signInLines(db: PrismaClient, admin: SetupReport["admin"]): Promise<string[]> {
  const users = await db.user.findMany({ where: { active: true }, select: { email: true, role: true }, orderBy: { email: "asc" } });
  const demoEmails = new Set(DEMO_USERS.map((user) => user.email));
  const lines: string[] = [];
  if (users.length > 0) {
    const ordered = [...users.filter((user) => demoEmails.has(user.email)), ...users.filter((user) => !demoEmails.has(user.email))];
    lines.push("Signed-in users (who can sign in):");
    for (const user of ordered.slice(0, SHOWN_USERS)) {
      const note =
        demoEmails.has(user.email) ? `demo password "${DEMO_PASSWORD}"`
        : user.email === admin?.email ? `from LEADGATE_ADMIN_EMAIL, ${admin.created ? "created now" : "already there"}`
        : null;
      lines.push(`  ${user.role.padEnd(8)} ${user.email}${note ? ` (${note})` : ""}`);
    }
    if (ordered.length > SHOWN_USERS) lines.push(`  … and ${ordered.length - SHOWN_USERS} more`);
  }
  if (admin && !admin.created) {
    lines.push(`${admin.email} already had an account: LEADGATE_ADMIN_PASSWORD only sets the password of a new one, so it was left unchanged.`);
  }
  if (!users.some((user) => user.role === "ADMIN")) {
    lines.push(
      "",
      `Warning: ${users.length === 0 ? "no one can sign in yet" : "no active admin can sign in"} — the database has no active admin user.`,
      "Create the first one with LEADGATE_ADMIN_EMAIL and LEADGATE_ADMIN_PASSWORD (at least 12 characters) and run the set-up again:",
      "  LEADGATE_DEMO=off LEADGATE_ADMIN_EMAIL=you@example.com LEADGATE_ADMIN_PASSWORD='a long passphrase' npm run app",
    );
  }
  return lines;
}
