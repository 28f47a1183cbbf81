import type { Metadata } from "next";
import { CsvImportWizard } from "@/components/import/csv-import-wizard";
import { requirePermission } from "@/lib/server/auth/require-user";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePermission("import.run");
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Import from CSV</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Bring in leads from a list, offline events such as trade-show badge scans, or past leads with what became of them for the scoring lab. Importing the
          same file again is safe: leads are matched by e-mail, and events and stage dates are stored once. Every row that can&apos;t be imported is listed with
          its line and the reason.
        </p>
      </div>
      <CsvImportWizard />
    </div>
  );
}
