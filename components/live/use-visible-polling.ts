"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * Asks the server again and again while the tab is visible: `ask` runs at once, then `intervalMs`
 * after each answer, and at once when a hidden tab becomes visible again (a hidden tab asks
 * nothing). A new ask waits for the one before; `ask` returns false to stop for good (a session
 * that ended). Changing `restartKey` starts over with an ask at once.
 */
export function useVisiblePolling(ask: (signal: AbortSignal) => Promise<boolean | void>, intervalMs: number, restartKey?: unknown): void {
  const askNow = useEffectEvent(ask);

  useEffect(() => {
    const stop = new AbortController();
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      clearTimeout(timer);
      if (inFlight || document.hidden) return;
      inFlight = true;
      let goOn: boolean | void = true;
      try {
        goOn = await askNow(stop.signal);
      } finally {
        inFlight = false;
      }
      if (goOn !== false && !stop.signal.aborted) timer = setTimeout(poll, intervalMs);
    }

    const onVisibilityChange = () => {
      if (!document.hidden) void poll();
    };
    document.addEventListener("visibilitychange", onVisibilityChange);
    void poll();
    return () => {
      stop.abort();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [intervalMs, restartKey]);
}
