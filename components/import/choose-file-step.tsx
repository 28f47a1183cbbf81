"use client";

import type { DragEvent } from "react";
import { useId, useState } from "react";
import type { ImportKind } from "@/lib/core/csv-import";
import { MAX_CSV_BYTES } from "@/lib/core/csv-import";
import { HISTORY_EXAMPLE_CSV } from "@/lib/core/history/history-csv";
import { previewCsvAction } from "@/lib/server/ingest/csv-import-actions";
import type { CsvPreview } from "@/lib/views/ingest";
import { StepSection } from "./step-section";

/** A file read in the browser and previewed by the server: what the next steps work from. */
export type Upload = { fileName: string; text: string; kind: ImportKind; preview: CsvPreview };

const KINDS: Array<{ kind: ImportKind; title: string; description: string }> = [
  { kind: "leads", title: "Leads", description: "People and their companies. Matched by e-mail: known leads are updated, new ones created." },
  { kind: "events", title: "Offline events", description: "What leads did: trade-show badge scans, webinar attendance, meetings. Each event is stored once." },
  {
    kind: "history",
    title: "Past leads with outcomes (history)",
    description: "A CRM lifecycle export: when each lead was created and reached MQL, SAL, SQL, won or lost. The scoring lab learns from it; nothing is routed.",
  },
];

// The example is built in the page, so it always matches the columns the import suggests.
const HISTORY_EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(HISTORY_EXAMPLE_CSV)}`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Like file.text(), but a file that isn't valid UTF-8 is read as Windows-1252: what Excel on
// Windows saves "CSV" as, where reading it as UTF-8 would turn every ü and é into �.
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

type Props = { initialKind: ImportKind; focusHeading: boolean; onPreviewed: (upload: Upload) => void };

export function ChooseFileStep({ initialKind, focusHeading, onPreviewed }: Props) {
  const id = useId();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(file: File) {
    setError(null);
    if (file.size > MAX_CSV_BYTES) {
      setError(`${file.name} is ${megabytes(file.size)}; files can be at most ${megabytes(MAX_CSV_BYTES)}. Split it and import the parts one after the other.`);
      return;
    }
    setReading(file.name);
    try {
      const text = await readText(file);
      const result = await previewCsvAction({ text, kind });
      if (result.ok) onPreviewed({ fileName: file.name, text, kind, preview: result.data });
      else setError(result.error.message);
    } catch {
      setError("The file couldn't be sent to the server. Check your connection and try again; if it keeps failing, split the file into smaller ones.");
    } finally {
      setReading(null);
    }
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void load(file);
  }

  return (
    <StepSection title="Choose what to import" focusOnMount={focusHeading} description="Comma, semicolon or tab separated, up to 20 MB. The first row must name the columns.">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">The file holds</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {KINDS.map((option) => (
            <label
              key={option.kind}
              className={`flex cursor-pointer gap-3 rounded-lg border p-4 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500/40 ${
                kind === option.kind ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300"
              }`}
            >
              <input type="radio" name={`${id}-kind`} value={option.kind} checked={kind === option.kind} onChange={() => setKind(option.kind)} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="block font-medium text-slate-900">{option.title}</span>
                <span className="mt-0.5 block text-slate-600">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
        {kind === "history" && (
          <p className="mt-3 text-sm text-slate-600">
            Columns: the lead&apos;s fields, <code>created_at</code>, and a date for each stage reached (<code>mql_at</code>, <code>sal_at</code>, <code>sql_at</code>,{" "}
            <code>won_at</code> or <code>lost_at</code> with <code>lost_reason</code>); leave a stage empty if the lead never reached it. Import the leads&apos; events
            separately, as offline events.{" "}
            <a href={HISTORY_EXAMPLE_HREF} download="leadgate-history-example.csv" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              Download an example history CSV
            </a>
          </p>
        )}
      </fieldset>

      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`mt-6 flex flex-col items-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10 text-slate-400">
          <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
        </svg>
        <p className="mt-3 text-sm font-medium text-slate-800">Drop a CSV file here</p>
        <label htmlFor={`${id}-file`} className="mt-1 text-xs text-slate-500">
          or choose a CSV file from your computer
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          disabled={reading !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void load(file);
          }}
          className="mt-4 block max-w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700 disabled:opacity-60"
        />
      </div>

      <div aria-live="polite" className="mt-4 text-sm">
        {reading && <p className="text-slate-600">Reading {reading}…</p>}
        {error && (
          <p id={`${id}-error`} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
      </div>
    </StepSection>
  );
}
