"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { leadPageHref } from "@/lib/core/back-link";

/** Links to a lead's page that remember this list's address and filters, for the lead page's "Back". */
export function useLeadHref(): (leadId: string) => string {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return useCallback((leadId: string) => leadPageHref(leadId, query ? `${pathname}?${query}` : pathname), [pathname, query]);
}
