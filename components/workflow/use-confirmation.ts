"use client";

import { useRef, useState } from "react";

/**
 * What a confirmation dialog is asking about. Backing out returns the focus to the button that
 * opened it, as the dialog leaves the page instead of closing.
 */
export function useConfirmation<T>() {
  const [subject, setSubject] = useState<T | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  return {
    subject,
    ask(next: T) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSubject(next);
    },
    dismiss() {
      setSubject(null);
      opener.current?.focus();
    },
    /** Closes the dialog; the caller decides where the focus goes after the action. */
    close() {
      setSubject(null);
    },
  };
}
