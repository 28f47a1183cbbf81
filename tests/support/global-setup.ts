import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { TEMPLATE_DATABASE, TMP_DIR } from "./paths";

// Migrates one template database with the real `prisma migrate deploy`; each test file
// then works on its own copy of it.
export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DATABASE}`, CHECKPOINT_DISABLE: "1" },
  });
}
