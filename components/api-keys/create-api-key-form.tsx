"use client";

import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { TextField } from "@/components/ui/text-field";
import { useCreateForm } from "@/components/ui/use-create-form";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { createApiKeyAction } from "@/lib/server/admin/api-key-actions";
import { ScopeChoices } from "./scope-choices";

export function CreateApiKeyForm() {
  const { formRef, errors, error, pending, created, submit, done } = useCreateForm(
    (form) => createApiKeyAction({ name: String(form.get("name") ?? ""), scopes: API_SCOPES.filter((scope) => form.getAll("scopes").includes(scope)) }),
    "name",
  );

  return (
    <section aria-labelledby="create-api-key-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="create-api-key-heading" className="text-base font-semibold">
        Create an API key
      </h2>
      <form ref={formRef} onSubmit={submit} className="mt-4 flex flex-col items-start gap-4">
        <TextField
          label="Key name"
          name="name"
          required
          minLength={2}
          maxLength={60}
          autoComplete="off"
          hint="What will use it, e.g. “Website forms” or “HubSpot sync”."
          error={errors.name}
          className="w-full sm:w-96"
        />
        <ScopeChoices error={errors.scopes} />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
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
          label={`Your new API key “${created.name}”`}
          warning="Copy it now: it won't be shown again. Leadgate keeps only a fingerprint of it."
          secret={created.key}
          onDone={done}
          testId="new-api-key"
        />
      )}
    </section>
  );
}
