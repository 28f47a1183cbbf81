"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { TextField } from "@/components/ui/text-field";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { createApiKeyAction } from "@/lib/server/admin/api-key-actions";
import type { CreatedApiKey } from "@/lib/views/admin";
import type { FieldErrors } from "@/lib/server/errors";
import { ScopeChoices } from "./scope-choices";

export function CreateApiKeyForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Lives only in this component's state: a reload or leaving the page drops the plain-text key for good.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setCreated(null);
    const result = await createApiKeyAction({ name: String(form.get("name") ?? ""), scopes: API_SCOPES.filter((scope) => form.getAll("scopes").includes(scope)) });
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      setError(result.error.message);
      return;
    }
    setErrors({});
    formRef.current?.reset();
    setCreated(result.data);
    router.refresh();
  }

  function done() {
    setCreated(null);
    // The key field that held focus is gone; hand focus back to the form rather than the page's start.
    (formRef.current?.elements.namedItem("name") as HTMLInputElement | null)?.focus();
  }

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
