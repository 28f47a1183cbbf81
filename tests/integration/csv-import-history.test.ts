import { beforeAll, describe, expect, test } from "vitest";
import type { ImportKind } from "@/lib/core/csv-import";
import { getImportJobAction, previewCsvAction, startCsvImportAction } from "@/lib/server/ingest/csv-import-actions";
import { db } from "@/lib/server/store/db";
import { createDisqualificationReasons, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let marketer: { id: string };

beforeAll(async () => {
  await createDisqualificationReasons();
  marketer = await createUser("MARKETER");
});

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function importCsv(text: string, kind: ImportKind) {
  signInAs(marketer);
  const { mapping } = ok(await previewCsvAction({ text, kind }));
  const { jobId } = ok(await startCsvImportAction({ text, kind, mapping }));
  for (;;) {
    const job = ok(await getImportJobAction({ jobId }));
    if (job.status === "done") return { jobId, job, result: job.result! };
    if (job.status === "failed") throw new Error(`The import failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rowErrors = (jobId: string) => db.importRowError.findMany({ where: { jobId }, orderBy: { line: "asc" }, select: { line: true, reason: true } });

// A CRM's lifecycle export, with its own column names: good rows, and one of each kind of bad row.
const HISTORY_CSV = [
  "Email,Company,Industry,Create Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Close Date,Closed Lost Date,Closed Lost Reason",
  "won@past.example,Oldco,Software,2025-01-10,2025-02-01,2025-02-20,2025-04-01,,",
  "lost@past.example,Lostco,Retail,2025-03-01 09:00,2025-03-05,2025-03-20,,2025-04-15,Went with a competitor",
  "open@past.example,Openco,Retail,2025-05-01,,,,,",
  "early@past.example,Earlyco,Retail,2025-03-01,,,2025-02-01,,",
  "why@past.example,Whyco,Retail,2025-03-01,,,,,No budget",
  "order@past.example,Orderco,Retail,2025-01-01,2025-03-01,2025-02-01,,,",
  "nodate@past.example,Nodateco,Retail,,,,,,",
  "won@past.example,Oldco again,Software,2025-01-10,,,,,",
].join("\n");

describe("importing history from a CSV", () => {
  test("the preview maps the CRM's headers and checks each row as the import will", async () => {
    signInAs(marketer);
    const preview = ok(await previewCsvAction({ text: HISTORY_CSV, kind: "history" }));
    expect(preview.mapping).toEqual(["email", "company", "industry", "createdAt", "mqlAt", "sqlAt", "wonAt", "lostAt", "lostReason"]);
    expect(preview.rows.map((row) => [row.line, row.problem?.field ?? "ok"])).toEqual([
      [2, "ok"],
      [3, "ok"],
      [4, "ok"],
      [5, "wonAt"],
      [6, "lostReason"],
      [7, "sqlAt"],
      [8, "createdAt"],
      // A repeated e-mail is only known once the file is imported in order.
      [9, "ok"],
    ]);
  });

  test("each good row becomes a past lead with its stage dates; each bad row is reported with its line and the column at fault", async () => {
    const { jobId, job, result } = await importCsv(HISTORY_CSV, "history");
    expect(result).toEqual({ kind: "history", total: 8, created: 3, updated: 0, duplicates: 0, failed: 5 });
    expect(job).toMatchObject({ status: "done", processed: 8, failed: 5 });

    expect(await rowErrors(jobId)).toEqual([
      { line: 5, reason: "Close Date: WON on 2025-02-01 is before the lead was created (2025-03-01)." },
      { line: 6, reason: "Closed Lost Reason: Is filled but Closed Lost Date is empty; give the date the lead was lost, or leave the reason out." },
      { line: 7, reason: "Became a Sales Qualified Lead Date: SQL on 2025-02-01 is earlier than MQL on 2025-03-01; dates can't go back." },
      { line: 8, reason: "Create Date: Is empty; give the date the lead was created, e.g. 2025-03-01." },
      { line: 9, reason: "Email: Line 2 already holds this lead's history; give each lead one row." },
    ]);
    expect(await db.lead.count({ where: { email: { in: ["early@past.example", "why@past.example", "order@past.example", "nodate@past.example"] } } })).toBe(0);

    const won = await db.lead.findUniqueOrThrow({ where: { email: "won@past.example" }, include: { transitions: { orderBy: { createdAt: "asc" } }, events: true, assignments: true } });
    expect(won).toMatchObject({ stage: "WON", company: "Oldco", createdAt: new Date("2025-01-10T00:00:00Z"), stageEnteredAt: new Date("2025-04-01T00:00:00Z"), ownerId: null });
    expect(won.transitions.map((t) => [t.fromStage, t.toStage, t.imported, t.createdAt.toISOString()])).toEqual([
      ["LEAD", "MQL", true, "2025-02-01T00:00:00.000Z"],
      ["MQL", "SQL", true, "2025-02-20T00:00:00.000Z"],
      ["SQL", "WON", true, "2025-04-01T00:00:00.000Z"],
    ]);
    // History brings no events and fires nothing: no routing.
    expect(won.events).toHaveLength(0);
    expect(won.assignments).toHaveLength(0);

    const lost = await db.lead.findUniqueOrThrow({ where: { email: "lost@past.example" }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(lost).toMatchObject({ stage: "LOST", createdAt: new Date("2025-03-01T09:00:00Z") });
    expect(lost.transitions.at(-1)).toMatchObject({ fromStage: "SQL", toStage: "LOST", reason: "Went with a competitor" });
    expect(await db.lead.findUniqueOrThrow({ where: { email: "open@past.example" } })).toMatchObject({ stage: "LEAD", createdAt: new Date("2025-05-01T00:00:00Z") });
  });

  test("importing the same file again creates nothing new", async () => {
    const before = { leads: await db.lead.count(), transitions: await db.stageTransition.count(), events: await db.event.count() };
    const won = await db.lead.findUniqueOrThrow({ where: { email: "won@past.example" } });
    const { result } = await importCsv(HISTORY_CSV, "history");
    expect(result).toEqual({ kind: "history", total: 8, created: 0, updated: 3, duplicates: 0, failed: 5 });
    expect({ leads: await db.lead.count(), transitions: await db.stageTransition.count(), events: await db.event.count() }).toEqual(before);
    expect(await db.lead.findUniqueOrThrow({ where: { email: "won@past.example" } })).toMatchObject({ stage: "WON", version: won.version, stageEnteredAt: won.stageEnteredAt });
  });

  test("a history file without the creation date column can't be started", async () => {
    signInAs(marketer);
    const refused = await startCsvImportAction({ text: "Email,Close Date\na@x.example,2025-01-01\n", kind: "history", mapping: ["email", "wonAt"] });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("created_at") } });
  });
});
