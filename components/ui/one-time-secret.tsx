"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/**
 * The one showing of a new secret (an API key, a webhook's signing secret): focused and selected,
 * with a copy button; once dismissed or the page is left, it is gone for good.
 */
export function OneTimeSecret({ label, warning, secret, onDone, testId }: { label: string; warning: string; secret: string; onDone: () => void; testId: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>("idle");

  // Focus lands on the key so keyboard and screen-reader users meet it (and the warning) first.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function copy() {
    try {
      // navigator.clipboard is missing outside secure contexts (plain http on another host), which lands here too.
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      inputRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="mt-5 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid={testId}>
      <label htmlFor={`${id}-key`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-warning`} className="mt-1 text-sm font-semibold text-amber-900">
        {warning}
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <input
          ref={inputRef}
          id={`${id}-key`}
          readOnly
          value={secret}
          aria-describedby={`${id}-warning`}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p role="status" className={`mt-2 text-sm ${copyState === "failed" ? "text-red-700" : "text-emerald-700"}`}>
        {copyState === "copied" && "Copied to the clipboard."}
        {copyState === "failed" && "Your browser didn't allow copying. It is selected: press Ctrl+C (⌘C on a Mac) to copy it."}
      </p>
    </div>
  );
}
