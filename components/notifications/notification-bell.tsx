"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { markNotificationsReadAction } from "@/lib/server/notifications/notification-actions";
import { useNotifications } from "./use-notifications";

const when = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
      <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.71L16 10.59V8a6 6 0 0 0-6-6Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" />
    </svg>
  );
}

/**
 * The bell in the header: how many notifications are unread, and a panel with the latest, each
 * linking to its lead. Opening a notification marks it read; "Mark all read" marks the rest.
 * Escape or a click elsewhere closes the panel.
 */
export function NotificationBell() {
  const { list, failed, reload } = useNotifications();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = list?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  function markRead(ids: string[] | null) {
    startTransition(async () => {
      const result = await markNotificationsReadAction({ ids });
      setError(result.ok ? null : result.error.message);
      reload();
    });
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-busy={list === null}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => setOpen((value) => !value)}
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <BellIcon />
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          aria-label="Notifications"
          // On a phone the bell is not at the screen's edge, so the panel spans the screen under the header.
          className="fixed inset-x-4 top-14 z-30 rounded-lg border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button type="button" disabled={pending} onClick={() => markRead(null)} className="rounded text-sm font-medium text-indigo-700 hover:underline disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                Mark all read
              </button>
            )}
          </div>
          {error && (
            <p role="alert" className="px-4 py-2 text-sm text-rose-700">
              {error}
            </p>
          )}
          {list === null ? (
            <p className="px-4 py-6 text-sm text-slate-600">{failed ? "Couldn't load your notifications. Trying again…" : "Loading…"}</p>
          ) : list.items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">Nothing yet. You&apos;ll hear here when a lead is routed to you, or a lead of yours is sent back or reopened.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {list.items.map((item) => (
                <li key={item.id}>
                  <Link
                    href={item.href}
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) markRead([item.id]);
                    }}
                    className={`block px-4 py-3 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 ${item.read ? "text-slate-600" : "font-medium text-slate-900"}`}
                  >
                    {!item.read && <span className="sr-only">Unread: </span>}
                    {item.text}
                    <span className="mt-0.5 block text-xs font-normal text-slate-500">{when.format(new Date(item.createdAt))}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {failed && list !== null && <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500">Couldn&apos;t refresh; showing what was last loaded.</p>}
          <p className="border-t border-slate-200 px-4 py-2 text-right">
            <Link href="/settings/notifications" onClick={() => setOpen(false)} className="rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
              E-mail settings
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
