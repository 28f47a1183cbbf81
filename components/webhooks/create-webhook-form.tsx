"use client";

import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { TextField } from "@/components/ui/text-field";
import { useCreateForm } from "@/components/ui/use-create-form";
import { WEBHOOK_EVENT_TYPES } from "@/lib/core/webhooks";
import { createWebhookAction } from "@/lib/server/webhooks/webhook-actions";
import { EventChoices } from "./event-choices";

export function CreateWebhookForm() {
  // The secret lives only in this component's state: the page never shows it again.
  const { formRef, errors, error, pending, created, submit, done } = useCreateForm(
    (form) => createWebhookAction({ url: String(form.get("url") ?? ""), events: WEBHOOK_EVENT_TYPES.filter((type) => form.getAll("events").includes(type)) }),
    "url",
  );

  return (
    <section aria-labelledby="create-webhook-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="create-webhook-heading" className="text-base font-semibold">
        Add an endpoint
      </h2>
      <form ref={formRef} onSubmit={submit} noValidate className="mt-4 flex flex-col items-start gap-4">
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          maxLength={2000}
          autoComplete="off"
          placeholder="https://crm.example.com/leadgate-hooks"
          hint="An https address on the public internet that answers 2xx within 10 seconds."
          error={errors.url}
          className="w-full sm:w-[32rem]"
        />
        <EventChoices error={errors.events} />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {created && (
        <OneTimeSecret
          key={created.id}
          label={`Signing secret for ${created.url}`}
          warning="Copy it into the receiving system now: it won't be shown again. It verifies that each delivery comes from Leadgate."
          secret={created.secret}
          onDone={done}
          testId="new-webhook-secret"
        />
      )}
    </section>
  );
}
