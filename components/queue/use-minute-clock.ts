"use client";

import { useEffect, useState } from "react";
import { MINUTE_MS } from "@/lib/core/time";


/**
 * The time, moving on once a minute. It starts at the server's `now`, so the first browser
 * render matches the server's; timers shown in whole minutes need no finer tick.
 */
export function useMinuteClock(serverNow: string): Date {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
