import { beforeAll, describe, expect, test } from "vitest";
import { GET as downloadBadRows } from "@/app/(app)/import/errors/[jobId]/route";
import type { ColumnMapping, ImportKind } from "@/lib/core/csv-import";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { getImportJobAction, previewCsvAction, startCsvImportAction } from "@/lib/server/ingest/csv-import-actions";
import { db } from "@/lib/server/store/db";
import { loadLeadTable } from "@/lib/server/leads/lead-table";
import { createLead, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

type User = { id: string };
let marketer: User;
let otherMarketer: User;
let manager: User;
let rep: User;

beforeAll(async () => {
  marketer = await createUser("MARKETER");
  otherMarketer = await createUser("MARKETER");
  manager = await createUser("MANAGER");
  rep = await createUser("SALES");
});

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function importCsv(text: string, kind: ImportKind, mapping?: ColumnMapping) {
  signInAs(marketer);
  const chosen = mapping ?? ok(await previewCsvAction({ text, kind })).mapping;
  const { jobId } = ok(await startCsvImportAction({ text, kind, mapping: chosen }));
  for (;;) {
    const job = ok(await getImportJobAction({ jobId }));
    if (job.status === "done") return { jobId, job, result: job.result! };
    if (job.status === "failed") throw new Error(`The import failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rowErrors = (jobId: string) => db.importRowError.findMany({ where: { jobId }, orderBy: { line: "asc" }, select: { line: true, reason: true, raw: true } });

// Written as Excel in Europe saves it: a byte-order mark, `;` between values, CRLF line ends,
// and quoted values holding separators, quotes and line breaks.
const LEADS_CSV =
  "\uFEFF" +
  [
    "E-mail;First Name;Last Name;Company Name;Employees;Notes",
    'ada@analytical.example;Ada;Lovelace;"Analytical Engines; Ltd.";"1,200";"Met at booth B12,',
    'wants a demo"',
    "not-an-email;Bad;Address;Nowhere Inc;10;",
    'grace@navy.example;Grace;Hopper;"Navy, ""Research"" Lab";many;',
    "",
    'linus@kernel.example;Linus;Torvalds;"Kernel',
    'Org";25;"first line',
    "second line",
    'third line"',
    "ADA@analytical.example;;;;;Came back the next day",
  ].join("\r\n") +
  "\r\n";

describe("importing leads", () => {
  test("the preview suggests the mapping, counts the rows and flags the bad ones by line", async () => {
    signInAs(marketer);
    const preview = ok(await previewCsvAction({ text: LEADS_CSV, kind: "leads" }));
    expect(preview).toMatchObject({ headers: ["E-mail", "First Name", "Last Name", "Company Name", "Employees", "Notes"], delimiter: ";", totalRows: 5 });
    expect(preview.mapping).toEqual(["email", "firstName", "lastName", "company", "companySize", null]);
    expect(preview.rows.map((row) => [row.line, row.problem?.field ?? "ok"])).toEqual([
      [2, "ok"],
      [4, "email"],
      [5, "companySize"],
      [7, "ok"],
      [11, "ok"],
    ]);
  });

  test("good rows are imported, bad rows reported with their line, reason and original text; repeated e-mails merge in order", async () => {
    const mapping = ["email", "firstName", "lastName", "company", "companySize", "custom.notes"];
    const { jobId, job, result } = await importCsv(LEADS_CSV, "leads", mapping);
    expect(result).toEqual({ kind: "leads", total: 5, created: 2, updated: 0, duplicates: 1, failed: 2 });
    expect(job).toMatchObject({ kind: "import", status: "done", total: 5, processed: 5, failed: 2 });

    const ada = await db.lead.findUniqueOrThrow({ where: { email: "ada@analytical.example" } });
    expect(ada).toMatchObject({ firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines; Ltd.", companySize: 1200 });
    expect(JSON.parse(ada.customFields)).toEqual({ notes: "Came back the next day" });
    const linus = await db.lead.findUniqueOrThrow({ where: { email: "linus@kernel.example" } });
    expect(linus).toMatchObject({ company: "Kernel\r\nOrg", companySize: 25 });
    expect(JSON.parse(linus.customFields)).toEqual({ notes: "first line\r\nsecond line\r\nthird line" });
    expect(await db.lead.count({ where: { email: { in: ["not-an-email", "grace@navy.example"] } } })).toBe(0);

    expect(await rowErrors(jobId)).toEqual([
      { line: 4, reason: 'E-mail "not-an-email": Must be a valid e-mail address.', raw: "not-an-email;Bad;Address;Nowhere Inc;10;" },
      { line: 5, reason: expect.stringMatching(/^Company size "many": Is not a number/), raw: 'grace@navy.example;Grace;Hopper;"Navy, ""Research"" Lab";many;' },
    ]);
  });

  test("importing the same file again creates no duplicate leads", async () => {
    const before = await db.lead.count();
    const { result } = await importCsv(LEADS_CSV, "leads");
    expect(result).toEqual({ kind: "leads", total: 5, created: 0, updated: 2, duplicates: 1, failed: 2 });
    expect(await db.lead.count()).toBe(before);
    expect(await db.lead.count({ where: { email: "ada@analytical.example" } })).toBe(1);
  });

  test("a file without an e-mail column, or over 20 MB, is refused with a clear message", async () => {
    signInAs(marketer);
    const noEmail = await startCsvImportAction({ text: "Name,Company\nAda,Acme\n", kind: "leads", mapping: ["firstName", "company"] });
    expect(noEmail).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("e-mail address") } });
    const huge = `email\n${"a@x.example\n".repeat(2_000_000)}`;
    expect(await previewCsvAction({ text: huge, kind: "leads" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/22\.\d MB; files can be at most 20 MB/) } });
    expect(await db.backgroundJob.count({ where: { createdById: marketer.id, status: "failed" } })).toBe(0);
  });

  test("a generated 50,000-row file imports completely", { timeout: 180_000 }, async () => {
    const lines = ["email,first_name,company,employees,revenue"];
    for (let i = 0; i < 50_000; i++) lines.push(`bulk${i}@company${i % 5_000}.example,Person ${i},"Company ${i % 5_000}, Inc.",${(i % 900) + 1},"${i * 1_000}"`);
    const before = await db.lead.count();
    const { jobId, job, result } = await importCsv(lines.join("\n"), "leads");
    expect(result).toEqual({ kind: "leads", total: 50_000, created: 50_000, updated: 0, duplicates: 0, failed: 0 });
    expect(job).toMatchObject({ processed: 50_000, total: 50_000, failed: 0 });
    expect(await db.lead.count()).toBe(before + 50_000);
    expect(await db.lead.findUniqueOrThrow({ where: { email: "bulk49999@company4999.example" } })).toMatchObject({ company: "Company 4999, Inc.", companySize: 500, annualRevenue: 49_999_000 });
    expect(await db.importRowError.count({ where: { jobId } })).toBe(0);
  });
});

describe("importing offline events", () => {
  const EVENTS_CSV = [
    "Email,Event,Date,Booth",
    "ada@analytical.example,Event Attended,2026-11-20 14:05,B12",
    "new.visitor@prospect.example,event_attended,2026-11-20,B7",
    "ada@analytical.example,meeting_booked,2026-11-21T09:00:00+01:00,",
    "ada@analytical.example,Event Attended,2026-11-20 14:05,B12",
    "bad@prospect.example,page_view,next tuesday,",
    "late@prospect.example,page_view,2099-01-01,",
  ].join("\n");
  const mapping = ["email", "type", "occurredAt", "property.booth"];

  test("each event is stored once, however often the file is imported", async () => {
    const first = await importCsv(EVENTS_CSV, "events", mapping);
    expect(first.result).toEqual({ kind: "events", total: 6, created: 3, updated: 0, duplicates: 1, failed: 2 });
    expect((await rowErrors(first.jobId)).map((error) => [error.line, error.reason])).toEqual([
      [6, expect.stringMatching(/^Date and time "next tuesday": Is not a date/)],
      [7, "Date and time: Lies more than a day in the future."],
    ]);
    const visitor = await db.lead.findUniqueOrThrow({ where: { email: "new.visitor@prospect.example" }, include: { events: true } });
    expect(visitor.events).toEqual([expect.objectContaining({ type: "event_attended", source: "import", properties: JSON.stringify({ booth: "B7" }) })]);

    const eventsBefore = await db.event.count();
    const second = await importCsv(EVENTS_CSV, "events", mapping);
    expect(second.result).toEqual({ kind: "events", total: 6, created: 0, updated: 0, duplicates: 4, failed: 2 });
    expect(await db.event.count()).toBe(eventsBefore);
    const ada = await db.lead.findUniqueOrThrow({ where: { email: "ada@analytical.example" }, include: { events: true } });
    expect(ada.events.map((event) => event.type).sort()).toEqual(["event_attended", "meeting_booked"]);
  });
});

describe("who may import", () => {
  test("sales reps and signed-out visitors are refused", async () => {
    const input = { text: "email\na@x.example\n", kind: "leads" as const };
    signInAs(rep);
    expect(await previewCsvAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await startCsvImportAction({ ...input, mapping: ["email"] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await getImportJobAction({ jobId: "any" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signInAs(null);
    expect(await previewCsvAction(input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("managers and admins may import too", async () => {
    signInAs(manager);
    expect(await previewCsvAction({ text: "email\na@x.example\n", kind: "leads" })).toMatchObject({ ok: true });
  });
});

describe("downloading the bad rows", () => {
  const download = (jobId: string) => downloadBadRows(new Request(`http://localhost/import/errors/${jobId}`), { params: Promise.resolve({ jobId }) });

  test("the owner gets a CSV attachment of line, reason and original row; others are refused", async () => {
    const { jobId } = await importCsv(LEADS_CSV, "leads");
    signInAs(marketer);
    const response = await download(jobId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="leadgate-import-bad-rows-${jobId}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so that Excel reads the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")).toEqual([
      "Line,Field,Reason,Original row",
      '4,E-mail,"E-mail ""not-an-email"": Must be a valid e-mail address.",not-an-email;Bad;Address;Nowhere Inc;10;',
      expect.stringMatching(/^5,Company size,"Company size ""many"": Is not a number.*","grace@navy\.example;Grace;Hopper;""Navy, """"Research"""" Lab"";many;"$/),
      "",
    ]);

    signInAs(manager);
    expect((await download(jobId)).status).toBe(200);
    signInAs(otherMarketer);
    expect((await download(jobId)).status).toBe(403);
    signInAs(rep);
    expect((await download(jobId)).status).toBe(403);
    signInAs(null);
    expect((await download(jobId)).status).toBe(401);
    signInAs(marketer);
    expect((await download("no-such-job")).status).toBe(404);
  });

  test("escapes original rows a spreadsheet would run as a formula", async () => {
    const { jobId } = await importCsv(["E-mail,First Name,Last Name", "@SUM(1),Eve,Formula", "-2+3,Mal,Formula", ""].join("\n"), "leads");
    const lines = (await (await download(jobId)).text()).split("\r\n");
    expect(lines.slice(1, 3)).toEqual([expect.stringMatching(/^2,E-mail,".*","'@SUM\(1\),Eve,Formula"$/), expect.stringMatching(/^3,E-mail,".*","'-2\+3,Mal,Formula"$/)]);
  });
});

describe("what a finished import reports, and the leads it names", () => {
  const leadsIn = async (jobId: string, query = "") => {
    const { state, ignored } = parseLeadTableQuery(new URLSearchParams(`import=${jobId}&size=100${query}`));
    expect(ignored).toEqual([]);
    return loadLeadTable(state, marketer.id);
  };

  test("the counts add up to the rows read, the first bad rows name their field, and the lead table filtered by the import shows exactly its leads", async () => {
    const known = await createLead({ firstName: "Known" });
    const csv = [
      "email,first_name,employees",
      "new.one@reconcile.example,One,10",
      `${known.email},Known again,20`,
      "broken-address,Broken,30",
      "new.two@reconcile.example,Two,many",
      "new.one@reconcile.example,One Again,40",
      "new.three@reconcile.example,Three,",
      ",Nobody,50",
    ].join("\n");
    const { jobId, job, result } = await importCsv(csv, "leads");

    expect(result).toEqual({ kind: "leads", total: 7, created: 2, updated: 1, duplicates: 1, failed: 3 });
    expect(result.created + result.updated + result.duplicates + result.failed).toBe(result.total);
    expect(job.importedLeads).toBe(result.created + result.updated);
    expect(job.firstBadRows).toEqual([
      { line: 4, field: "E-mail", reason: 'E-mail "broken-address": Must be a valid e-mail address.' },
      { line: 5, field: "Company size", reason: expect.stringMatching(/^Company size "many": Is not a number/) },
      { line: 8, field: "E-mail", reason: expect.stringMatching(/^E-mail: Is empty/) },
    ]);

    const page = await leadsIn(jobId);
    expect(page.total).toBe(job.importedLeads);
    expect(page.rows.map((row) => row.email).sort()).toEqual([known.email, "new.one@reconcile.example", "new.three@reconcile.example"].sort());
    // The filter goes with the others: only the imported leads that match them all.
    expect((await leadsIn(jobId, "&q=three")).rows.map((row) => row.email)).toEqual(["new.three@reconcile.example"]);
  });

  test("importing the same file again names the same leads, now all updated, and the first import still names its own", async () => {
    const csv = ["email,first_name", "again.one@reconcile.example,One", "again.two@reconcile.example,Two", "again.one@reconcile.example,One"].join("\n");
    const first = await importCsv(csv, "leads");
    const second = await importCsv(`${csv}\nagain.three@reconcile.example,Three`, "leads");
    expect(first.result).toMatchObject({ total: 3, created: 2, updated: 0, duplicates: 1, failed: 0 });
    expect(second.result).toMatchObject({ total: 4, created: 1, updated: 2, duplicates: 1, failed: 0 });
    expect(second.job.importedLeads).toBe(3);
    expect((await leadsIn(first.jobId)).rows.map((row) => row.email).sort()).toEqual(["again.one@reconcile.example", "again.two@reconcile.example"]);
    expect((await leadsIn(second.jobId)).total).toBe(3);
  });

  test("an events import names the leads it added events to, not those whose events it skipped", async () => {
    const csv = ["Email,Event,Date", "visitor.a@reconcile.example,event_attended,2026-11-20", "visitor.b@reconcile.example,event_attended,2026-11-20", "visitor.a@reconcile.example,page_view,2026-11-21"].join("\n");
    const mapping = ["email", "type", "occurredAt"];
    const first = await importCsv(csv, "events", mapping);
    expect(first.result).toMatchObject({ total: 3, created: 3, duplicates: 0, failed: 0 });
    expect(first.job.importedLeads).toBe(2);
    expect((await leadsIn(first.jobId)).rows.map((row) => row.email).sort()).toEqual(["visitor.a@reconcile.example", "visitor.b@reconcile.example"]);

    const again = await importCsv(`${csv}\nvisitor.c@reconcile.example,page_view,2026-11-22`, "events", mapping);
    expect(again.result).toMatchObject({ total: 4, created: 1, duplicates: 3 });
    expect((await leadsIn(again.jobId)).rows.map((row) => row.email)).toEqual(["visitor.c@reconcile.example"]);
  });

  test("an import nobody ran matches no lead", async () => {
    expect((await leadsIn("no-such-import")).total).toBe(0);
  });
});
