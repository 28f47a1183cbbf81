"use client";

import { useCallback, useState } from "react";
import { useVisiblePolling } from "@/components/live/use-visible-polling";
import type { NotificationList } from "@/lib/server/notifications/notifications";

// Often enough that a routed MQL shows within seconds: speed to lead is measured in minutes.
const POLL_INTERVAL_MS = 10_000;

export type NotificationsState = { list: NotificationList | null; failed: boolean; reload: () => void };

/**
 * The signed-in user's notifications from /api/notifications: asked at once, then every 10 s
 * while the tab is visible, and again when it becomes visible. `failed` once an ask failed, until
 * one succeeds. A signed-out answer stops nothing here: the page's own checks send the user to sign-in.
 */
export function useNotifications(): NotificationsState {
  const [list, setList] = useState<NotificationList | null>(null);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((count) => count + 1), []);

  useVisiblePolling(
    async (signal) => {
      try {
        const response = await fetch("/api/notifications", { cache: "no-store", signal });
        if (!response.ok) throw new Error(`Notifications answered ${response.status}.`);
        setList((await response.json()) as NotificationList);
        setFailed(false);
      } catch {
        if (signal.aborted) return false;
        setFailed(true);
      }
    },
    POLL_INTERVAL_MS,
    asked,
  );

  return { list, failed, reload };
}
