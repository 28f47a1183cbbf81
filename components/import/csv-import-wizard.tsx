"use client";

import { useState } from "react";
import type { Upload } from "./choose-file-step";
import { ChooseFileStep } from "./choose-file-step";
import { ImportProgress } from "./import-progress";
import { ImportSteps } from "./import-steps";
import { MappingStep } from "./mapping-step";

/** Choose a file → map its columns and preview → import with progress. */
export function CsvImportWizard() {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // Going back, or starting over after an import, keeps the kind the user chose.
  const [lastKind, setLastKind] = useState<Upload["kind"]>("leads");
  const [startedOver, setStartedOver] = useState(false);

  function startOver() {
    if (upload) setLastKind(upload.kind);
    setStartedOver(true);
    setUpload(null);
    setJobId(null);
  }

  return (
    <div className="space-y-6">
      <ImportSteps current={jobId ? 3 : upload ? 2 : 1} />
      {!upload && <ChooseFileStep initialKind={lastKind} focusHeading={startedOver} onPreviewed={setUpload} />}
      {upload && !jobId && <MappingStep upload={upload} onBack={startOver} onStarted={setJobId} />}
      {upload && jobId && (
        <ImportProgress jobId={jobId} kind={upload.kind} fileName={upload.fileName} totalRows={upload.preview.totalRows} onImportAnother={startOver} />
      )}
    </div>
  );
}
