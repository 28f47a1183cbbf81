"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The one showing of a temporary password after a reset; once dismissed or the page is left, it is gone. */
export function TemporaryPassword({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // Focus lands on the password so keyboard and screen-reader users meet it (and the warning) first.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <div className="mx-6 mt-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="temporary-password">
      <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800">
        Temporary password for {name}
      </label>
      <p id={`${id}-warning`} className="mt-1 text-sm text-amber-900">
        <strong>Shown only now.</strong> Hand it to {name} privately; they must choose their own password when they sign in with it.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          ref={inputRef}
          id={`${id}-password`}
          readOnly
          value={password}
          aria-describedby={`${id}-warning`}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        />
        <CopyButton text={password} label="Copy temporary password" />
        <Button type="button" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
