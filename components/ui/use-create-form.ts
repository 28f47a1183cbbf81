"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useRef, useState } from "react";
import type { ActionResult, FieldErrors } from "@/lib/server/errors";

/**
 * A form that creates something shown once (a key, a secret): it sends the form's fields through
 * `action`, shows the refusal and the field errors, and on success clears the form, keeps what was
 * created in this component's state only (a reload drops it for good) and reads the page again.
 * `done` dismisses it and hands focus back to the form's `firstField`.
 */
export function useCreateForm<T>(action: (form: FormData) => Promise<ActionResult<T>>, firstField: string) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<T | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setCreated(null);
    const result = await action(form);
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
    // The secret's field that held focus is gone; hand focus back to the form rather than the page's start.
    (formRef.current?.elements.namedItem(firstField) as HTMLInputElement | null)?.focus();
  }

  return { formRef, errors, error, pending, created, submit, done };
}
