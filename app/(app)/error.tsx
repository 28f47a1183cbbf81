"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

// Errors from the server reach the browser with only a digest, the key to the server's log entry.
function digestOf(error: unknown): string | null {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
}

/**
 * A page inside the app that failed to show: the navigation stays, and the person learns that
 * nothing they saved is lost, can try again, or go to their start page. Only the digest is shown,
 * for support to find the server's log entry; never the error's message or stack.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const digest = digestOf(error);

  // The page the person was looking at is gone: their screen reader and keyboard start here instead.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="mx-auto max-w-lg px-4 py-20 text-center">
      {/* The failed page's own title never arrived; React moves this one into the document's head. */}
      <title>Page error · Leadgate</title>
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 ref={heading} tabIndex={-1} className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none">
        This page couldn&apos;t be shown
      </h1>
      <p className="mt-2 text-sm text-slate-600">Nothing you saved was lost. Try again; if it keeps happening, go to your start page and come back later.</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Button onClick={retry}>Try again</Button>
        <Link href="/" className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Go to your start page
        </Link>
      </div>
      {digest && (
        <p className="mt-6 text-xs text-slate-600">
          If you contact support, give them this reference:
          <code className="mt-1 block break-all font-mono text-slate-800">{digest}</code>
        </p>
      )}
    </div>
  );
}
