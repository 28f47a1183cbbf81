"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import type { SlaSettings } from "@/lib/core/workflow-settings";
import { saveSlaSettingsAction } from "@/lib/server/settings/workflow-settings-actions";
import { SettingsForm } from "./settings-form";
import { useSettingSave } from "./use-setting-save";

const hoursText = (hours: number) => (hours === 1 ? "1 hour" : `${hours} hours`);

/** "36 hours" reads better as "1 day 12 hours" once it passes a day. */
function asDays(hours: number): string | null {
  if (!Number.isInteger(hours) || hours < 24) return null;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} ${days === 1 ? "day" : "days"}${rest > 0 ? ` ${hoursText(rest)}` : ""}`;
}

export function ResponseSlaForm({ settings }: { settings: SlaSettings }) {
  const [saved, setSaved] = useState(String(settings.mqlResponseHours));
  const [hours, setHours] = useState(saved);
  const { formRef, pending, errors, message, save } = useSettingSave(saveSlaSettingsAction, (stored) => {
    setSaved(String(stored.mqlResponseHours));
    return `Response SLA saved: reps have ${hoursText(stored.mqlResponseHours)} to accept or reject a new MQL.`;
  });
  const days = asDays(Number(hours));

  return (
    <SettingsForm
      id="response-sla"
      title="Response SLA"
      description={
        <>
          <p>
            How long a sales rep has to accept or reject a new MQL, counted from the moment it became an MQL. After that the MQL is overdue and is flagged as such,
            so marketing&apos;s leads don&apos;t go cold waiting for sales.
          </p>
          <p>Counted in calendar hours: nights and weekends count too.</p>
        </>
      }
      formRef={formRef}
      onSubmit={() => void save({ mqlResponseHours: Number(hours) })}
      pending={pending}
      dirty={hours !== saved}
      message={message}
      saveLabel="Save SLA"
    >
      <TextField
        label="Hours to accept or reject an MQL"
        className="max-w-xs"
        type="number"
        inputMode="numeric"
        min={1}
        max={720}
        step={1}
        required
        value={hours}
        onChange={(event) => setHours(event.target.value)}
        error={errors.mqlResponseHours}
        hint={`${days ? `${days}. ` : ""}Whole hours, from 1 to 720 (30 days). The default is 24.`}
      />
    </SettingsForm>
  );
}
