"use client";

import { useRouter } from "next/navigation";
import { startTransition, useRef, useState } from "react";
import { signInAgain } from "@/components/session/sign-in-again";
import { useVisiblePolling } from "./use-visible-polling";

/**
 * Connecting until the first answer; Reconnecting while the server can't be reached;
 * Signed out once it says the session has ended (on the way to sign-in).
 */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "signed-out";

export type LiveRefreshOptions = {
  /** What to do when someone changed a lead. Default: re-render the page's server components. */
  onChange?: () => void;
  /** How often to ask. Default 2.5 s, so a change shows within 5 s. */
  intervalMs?: number;
};

const DEFAULT_INTERVAL_MS = 2_500;
// One lost answer is a blip; two in a row are worth telling the user about.
const FAILURES_BEFORE_RECONNECTING = 2;

/**
 * Keeps a page up to date with other people's changes to leads: asks /api/live for the change
 * token every `intervalMs` while the tab is visible (with If-None-Match, so "nothing new" is
 * an empty 304) and calls `onChange` when it moves on. The first answer only records the
 * token, and a new request waits for the previous one (use-visible-polling.ts). When the session has ended it stops and
 * sends the user to sign-in, back to this page afterwards. Returns the status for <LiveIndicator>.
 */
export function useLiveRefresh({ onChange, intervalMs = DEFAULT_INTERVAL_MS }: LiveRefreshOptions = {}): LiveStatus {
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // Called from the latest render's ask (useVisiblePolling keeps it current), so it sees the latest onChange.
  const changed = () => {
    if (onChange) onChange();
    else startTransition(() => router.refresh());
  };

  const token = useRef<string | null>(null);
  const failures = useRef(0);

  useVisiblePolling(async (signal) => {
    try {
      const response = await fetch("/api/live", {
        headers: token.current === null ? {} : { "If-None-Match": `"${token.current}"` },
        cache: "no-store",
        signal,
      });
      if (response.status === 401) {
        setStatus("signed-out");
        signInAgain();
        return false;
      }
      if (response.status !== 304) {
        if (!response.ok) throw new Error(`The change check answered ${response.status}.`);
        const latest = ((await response.json()) as { token: string }).token;
        if (token.current !== null && latest !== token.current) changed();
        token.current = latest;
      }
      failures.current = 0;
      setStatus("live");
    } catch {
      if (signal.aborted) return false;
      failures.current += 1;
      if (failures.current >= FAILURES_BEFORE_RECONNECTING) setStatus("reconnecting");
    }
  }, intervalMs);

  return status;
}
