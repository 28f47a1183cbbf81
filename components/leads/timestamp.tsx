"use client";

import { formatDistanceStrict } from "date-fns";
import { useSyncExternalStore } from "react";

const localFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const utcFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const JUST_NOW_MS = 60_000;

const neverChanges = () => () => {};

/**
 * "3 days ago", measured against the page's `now` so server and browser agree. Anything
 * after `now` (a note added since the page loaded) is "just now".
 */
export function relativeTime(date: Date, now: Date): string {
  if (date.getTime() > now.getTime() - JUST_NOW_MS) return "just now";
  return formatDistanceStrict(date, now, { addSuffix: true });
}

type Props = { iso: string; now: string; show?: "relative" | "absolute"; className?: string };

/**
 * A point in time, as text with the other form in its tooltip. The server doesn't know the
 * reader's time zone, so it renders UTC and the browser switches to local time once hydrated.
 */
export function Timestamp({ iso, now, show = "relative", className }: Props) {
  const inBrowser = useSyncExternalStore(neverChanges, () => true, () => false);
  const date = new Date(iso);
  const absolute = inBrowser ? localFormat.format(date) : `${utcFormat.format(date)} UTC`;
  const relative = relativeTime(date, new Date(now));
  return (
    <time dateTime={iso} title={show === "relative" ? absolute : relative} className={className}>
      {show === "relative" ? relative : absolute}
    </time>
  );
}
