import type { ReactNode } from "react";

/** A grey block standing in for content still loading; assistive tech hears the skeleton's name instead. */
export function SkeletonBlock({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200/70 ${className}`} />;
}

/** A page-shaped placeholder while the page loads: one status, named for what is coming, and busy until it arrives. */
export function Skeleton({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="status" aria-label={label} aria-busy="true" className={className}>
      {children}
    </div>
  );
}
