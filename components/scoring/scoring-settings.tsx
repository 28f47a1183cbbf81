"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SavedRules } from "@/lib/server/actions/scoring-rules";
import type { ReasonOption } from "@/lib/server/reference-data";
import type { ActiveRuleSetView, RuleSetVersion } from "@/lib/server/rule-sets";
import { RescoreProgress } from "./rescore-progress";
import { RulesEditor } from "./rules-editor";
import { VersionHistory } from "./version-history";

type Props = {
  active: ActiveRuleSetView;
  versions: RuleSetVersion[];
  reasons: ReasonOption[];
  eventTypes: readonly string[];
  runningJobId: string | null;
  noteMaxLength: number;
  now: string;
};

type Rescore = { jobId: string; version: number; running: boolean; startedHere: boolean };

/** The scoring settings page: the editor, the re-score after a save, and the history. */
export function ScoringSettings({ active, versions, reasons, eventTypes, runningJobId, noteMaxLength, now }: Props) {
  const router = useRouter();
  const [rescore, setRescore] = useState<Rescore | null>(runningJobId ? { jobId: runningJobId, version: active.version, running: true, startedHere: false } : null);
  const rescoring = rescore?.running ?? false;
  const nextVersion = Math.max(0, ...versions.map((version) => version.version)) + 1;

  function started(saved: SavedRules) {
    setRescore({ jobId: saved.jobId, version: saved.version, running: true, startedHere: true });
    // Brings the new active version into the editor and the history.
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {rescore && (
        <RescoreProgress
          key={rescore.jobId}
          jobId={rescore.jobId}
          version={rescore.version}
          takeFocus={rescore.startedHere}
          onFinished={() => setRescore((current) => current && { ...current, running: false })}
        />
      )}
      {/* A new active version starts a fresh editor with its rules. */}
      <RulesEditor
        key={active.version}
        rules={active.rules}
        activeVersion={active.version}
        nextVersion={nextVersion}
        reasons={reasons}
        eventTypes={eventTypes}
        noteMaxLength={noteMaxLength}
        rescoring={rescoring}
        onSaved={started}
        onRescoreRunning={(jobId) => setRescore({ jobId, version: active.version, running: true, startedHere: false })}
      />
      <VersionHistory versions={versions} nextVersion={nextVersion} rescoring={rescoring} now={now} onRestored={started} />
    </div>
  );
}
