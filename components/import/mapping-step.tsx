"use client";

import type { FormEvent } from "react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ColumnMapping } from "@/lib/core/csv-import";
import { mappingProblems, rowToInput } from "@/lib/core/csv-import";
import { rowToHistory } from "@/lib/core/history/history-csv";
import { startCsvImportAction } from "@/lib/server/ingest/csv-import-actions";
import type { Upload } from "./choose-file-step";
import { MappingTable } from "./mapping-table";
import { PreviewTable } from "./preview-table";
import { StepSection } from "./step-section";

const DELIMITER_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };
const ROWS_OF: Record<Upload["kind"], string> = { leads: "leads", events: "offline events", history: "past leads with outcomes" };

type Props = { upload: Upload; onBack: () => void; onStarted: (jobId: string) => void };

export function MappingStep({ upload, onBack, onStarted }: Props) {
  const { preview, kind } = upload;
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = mappingProblems(preview.headers, mapping, kind);

  // The server checked these rows against its suggested mapping; as the user changes the mapping
  // they are checked again here, with the same function the import itself uses.
  // History dates are checked against when the file was chosen, so a row's check doesn't change while mapping.
  const [now] = useState(Date.now);
  const rows = useMemo(
    () =>
      preview.rows.map((row) => {
        const record = { ...row, raw: "" };
        const result = kind === "history" ? rowToHistory(record, mapping, preview.headers, now) : rowToInput(record, mapping, kind);
        return { ...row, problem: result.ok ? null : result };
      }),
    [preview.rows, preview.headers, mapping, kind, now],
  );
  const examples = useMemo(() => preview.headers.map((_, column) => preview.rows.map((row) => row.cells[column]?.trim() ?? "").find(Boolean) ?? ""), [preview]);
  const rowCount = preview.totalRows.toLocaleString("en");

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problems.length > 0) return;
    setPending(true);
    setError(null);
    try {
      const result = await startCsvImportAction({ text: upload.text, kind, mapping });
      if (result.ok) onStarted(result.data.jobId);
      else setError(result.error.message);
    } catch {
      setError("The file couldn't be sent to the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <StepSection
      title="Map columns to fields"
      description={
        <>
          <span className="font-medium text-slate-800">{upload.fileName}</span>: {rowCount} {preview.totalRows === 1 ? "row" : "rows"} of{" "}
          {ROWS_OF[kind]}, separated by {DELIMITER_NAMES[preview.delimiter] ?? preview.delimiter}. Columns were matched by their names; change any that are
          wrong.
          {kind !== "leads" && " Dates without a time zone are read as UTC."}
        </>
      }
    >
      <form onSubmit={start} className="space-y-8">
        <MappingTable
          kind={kind}
          headers={preview.headers}
          mapping={mapping}
          examples={examples}
          onChange={(column, target) => setMapping((current) => current.map((value, index) => (index === column ? target : value)))}
        />
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Preview</h3>
          <div className="mt-2">
            <PreviewTable kind={kind} mapping={mapping} rows={rows} totalRows={preview.totalRows} />
          </div>
        </div>
        <div className="space-y-3 border-t border-slate-100 pt-5">
          {problems.length > 0 && (
            <ul role="alert" className="space-y-1 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>
              ← Choose another file
            </Button>
            <Button type="submit" disabled={pending || problems.length > 0}>
              {pending ? "Starting…" : `Import ${rowCount} ${preview.totalRows === 1 ? "row" : "rows"}`}
            </Button>
          </div>
        </div>
      </form>
    </StepSection>
  );
}
