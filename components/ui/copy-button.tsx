"use client";

import { useState } from "react";
import { Button } from "./button";

type CopyState = "idle" | "copied" | "failed";

type Props = {
  text: string;
  /** The button's accessible name, starting with "Copy" as its visible text does: "Copy request example". */
  label: string;
  className?: string;
};

/**
 * Copies `text` to the clipboard and says so in a live region ("Copied"), which screen readers
 * announce; a browser that refuses (no clipboard outside a secure context) gets told how instead.
 */
export function CopyButton({ text, label, className = "" }: Props) {
  const [state, setState] = useState<CopyState>("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <Button type="button" variant="secondary" aria-label={label} onClick={() => void copy()}>
        Copy
      </Button>
      <span role="status" className={`text-xs ${state === "failed" ? "text-red-700" : "text-emerald-700"}`}>
        {state === "copied" && "Copied"}
        {state === "failed" && "Your browser didn't allow copying: select the text and press Ctrl+C (⌘C on a Mac)."}
      </span>
    </span>
  );
}
