"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/server/errors";
import { createWriteKeyAction } from "@/lib/server/tracking/write-key-actions";

export function CreateWriteKeyForm() {
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await createWriteKeyAction({ name: String(form.get("name") ?? ""), origins: String(form.get("origins") ?? "") });
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error.message });
      return;
    }
    setErrors({});
    formRef.current?.reset();
    setMessage({ tone: "success", text: `Made the write key “${result.data.name}”: its snippet is above.` });
    router.refresh();
  }

  return (
    <section aria-labelledby="create-write-key-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="create-write-key-heading" className="text-base font-semibold">
        Make a write key
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A write key sits in your site&apos;s HTML, so anyone can read it: it can only send page views, forms and identifies, and only from the sites
        listed. Every other API request with it is refused.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate className="mt-4 flex flex-col items-start gap-4">
        <TextField label="Key name" name="name" required maxLength={60} autoComplete="off" hint="The site it is for, e.g. “Marketing website”." error={errors.name} className="w-full sm:w-96" />
        <div className="w-full sm:w-[32rem]">
          <label htmlFor={`${id}-origins`} className="block text-sm font-medium text-slate-700">
            Sites it sends from
          </label>
          <textarea
            id={`${id}-origins`}
            name="origins"
            rows={3}
            required
            aria-invalid={errors.origins ? true : undefined}
            aria-describedby={`${id}-origins-note`}
            placeholder={"https://www.example.com\nhttps://example.com"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500"
          />
          <p id={`${id}-origins-note`} className={`mt-1 text-xs ${errors.origins ? "text-red-700" : "text-slate-500"}`}>
            {errors.origins ?? "One origin a line (scheme and host, no path). Browsers on other sites are refused."}
          </p>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Making…" : "Make write key"}
        </Button>
      </form>
      <div className="mt-3">
        <FormMessage message={message} />
      </div>
    </section>
  );
}
