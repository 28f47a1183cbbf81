"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import type { LeadTableState } from "@/lib/core/lead-table";
import { leadTableQuery } from "@/lib/core/lead-table";

/** The table's URL for a state; no query at all would open the role's default view instead. */
export function leadTableHref(state: LeadTableState): string {
  return `/leads?${leadTableQuery(state) || "view=all"}`;
}

/** Moves the table to another state by changing the URL, with a pending flag while the server answers. */
export function useTableNavigation() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback((state: LeadTableState) => startTransition(() => router.push(leadTableHref(state), { scroll: false })), [router]);
  return { navigate, pending };
}
