"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useToast } from "@/components/ui/toast";
import type { ActionResult, FieldErrors } from "@/lib/server/errors";

const UNREACHABLE = "Can't reach the server right now; nothing was saved. Try again.";

/**
 * Saves one settings form: pending state, the server's field errors (the first marked field
 * takes the focus), a message by the Save button, and a toast once it is stored.
 */
export function useSettingSave<Input, Saved>(action: (input: Input) => Promise<ActionResult<Saved>>, onSaved: (saved: Saved) => string) {
  const router = useRouter();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function save(input: Input): Promise<boolean> {
    setPending(true);
    const result = await action(input).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      const fieldErrors = result?.error.fieldErrors ?? {};
      flushSync(() => {
        setErrors(fieldErrors);
        setMessage(Object.keys(fieldErrors).length > 0 ? "Nothing was saved: correct the marked fields." : (result?.error.message ?? UNREACHABLE));
      });
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return false;
    }
    setErrors({});
    setMessage(null);
    toast.show("success", onSaved(result.data));
    router.refresh();
    return true;
  }

  return { formRef, pending, errors, message, save };
}
