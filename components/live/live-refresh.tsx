"use client";

import { LiveIndicator } from "./live-indicator";
import type { LiveRefreshOptions } from "./use-live-refresh";
import { useLiveRefresh } from "./use-live-refresh";

/**
 * For a page header: keeps the page's server-rendered data up to date with other people's
 * changes (by default a router refresh) and shows the "Live" indicator.
 */
export function LiveRefresh(options: LiveRefreshOptions) {
  return <LiveIndicator status={useLiveRefresh(options)} />;
}
