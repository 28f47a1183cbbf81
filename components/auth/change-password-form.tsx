"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { changePasswordAction } from "@/lib/server/admin/user-actions";
import type { FieldErrors } from "@/lib/server/errors";

/**
 * The temporary password and a new one, twice. Changing it ends the session it was signed in
 * with, so the form signs in again with the new password and opens the user's home page.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    setPending(true);
    setMessage(null);
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword,
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    });
    if (!result.ok) {
      setPending(false);
      setErrors(result.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error.message });
      return;
    }
    setErrors({});
    setMessage({ tone: "success", text: "Password changed. Opening Leadgate…" });
    const signedIn = await signIn("credentials", { email, password: newPassword, redirect: false });
    router.replace(signedIn && !signedIn.error ? "/" : "/signin");
    router.refresh();
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 space-y-4">
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField label="Temporary password" name="currentPassword" type="password" autoComplete="current-password" required autoFocus error={errors.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={errors.newPassword}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <FormMessage message={message} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
