"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A count of leads that need the viewer's action, shown on the link to where they are. */
export type NavCount = { count: number; noun: "waiting" | "overdue" };

const countText = (count: number) => count.toLocaleString("en-US");

const COUNT_TONES: Record<NavCount["noun"], string> = { waiting: "bg-brand-600 text-white", overdue: "bg-red-700 text-white" };

export function NavLink({ href, children, count }: { href: string; children: string; count?: NavCount | null }) {
  const active = usePathname().startsWith(href);
  const counted = count && count.count > 0 ? count : null;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      // Spoken as one phrase ("MQL review, 12 waiting"): the badge is a separate box on screen.
      aria-label={counted ? `${children}, ${countText(counted.count)} ${counted.noun}` : undefined}
      className={`flex items-center gap-1.5 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium lg:py-1.5 ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {/* The space keeps the visible text ("MQL review 12") inside the spoken name. */}
      {counted ? `${children} ` : children}
      {counted && (
        <span data-testid="nav-count" className={`min-w-5 rounded-full px-1.5 text-center text-xs font-semibold leading-5 tabular-nums ${COUNT_TONES[counted.noun]}`}>
          {countText(counted.count)}
        </span>
      )}
    </Link>
  );
}
