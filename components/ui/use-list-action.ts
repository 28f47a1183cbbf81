"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/errors";
import type { FormMessageValue } from "./form-message";

/**
 * A list's row actions (revoke, delete, enable): the row that is busy, the outcome to show above
 * the list, and focus handed to the list's heading afterwards (the button that had it may be
 * gone), then the page's data read again.
 */
export function useListAction() {
  const router = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  async function run(id: string, action: () => Promise<ActionResult<unknown>>, success: string): Promise<void> {
    setPendingId(id);
    setMessage(null);
    const result = await action();
    setPendingId(null);
    setMessage(result.ok ? { tone: "success", text: success } : { tone: "error", text: result.error.message });
    headingRef.current?.focus();
    router.refresh();
  }

  return { headingRef, message, pendingId, run };
}
