"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { ROLE_LABELS, ROLES } from "@/lib/core/roles";
import type { Role } from "@/lib/core/roles";
import { createUserAction } from "@/lib/server/admin/user-actions";
import type { FieldErrors } from "@/lib/server/errors";

export function CreateUserForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await createUserAction({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? "") as Role,
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error.message });
      return;
    }
    setErrors({});
    formRef.current?.reset();
    setMessage({ tone: "success", text: `${result.data.name} can now sign in as ${ROLE_LABELS[result.data.role].toLowerCase()}.` });
    router.refresh();
  }

  return (
    <section aria-labelledby="create-user-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="create-user-heading" className="text-base font-semibold">
        Add a user
      </h2>
      <form ref={formRef} onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" required autoComplete="off" error={errors.name} />
        <TextField label="E-mail" name="email" type="email" required autoComplete="off" error={errors.email} />
        <div>
          <label htmlFor="new-user-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select id="new-user-role" name="role" defaultValue="SALES" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          {errors.role && <p className="mt-1 text-xs text-red-700">{errors.role}</p>}
        </div>
        <TextField label="Initial password" name="password" type="password" required minLength={10} autoComplete="new-password" hint="At least 10 characters; share it privately." error={errors.password} />
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add user"}
          </Button>
          <FormMessage message={message} />
        </div>
      </form>
    </section>
  );
}
