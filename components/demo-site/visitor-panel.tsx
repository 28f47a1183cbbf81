"use client";

import { useEffect, useState } from "react";

type Leadgate = { anonymousId(): string };

/** Shows the anonymous id the snippet gave this browser, once the snippet has loaded. */
export function VisitorPanel() {
  const [anonymousId, setAnonymousId] = useState<string | null>(null);
  useEffect(() => {
    const look = () => {
      const leadgate = (window as unknown as { leadgate?: Leadgate }).leadgate;
      if (leadgate) setAnonymousId(leadgate.anonymousId());
      return Boolean(leadgate);
    };
    if (look()) return;
    const timer = setInterval(() => look() && clearInterval(timer), 200);
    return () => clearInterval(timer);
  }, []);
  return (
    <aside aria-label="What the snippet sees" className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
      <p>
        Anonymous visitor id on this site:{" "}
        <code data-testid="anonymous-id" className="break-all font-mono text-slate-900">
          {anonymousId ?? "loading the snippet…"}
        </code>
      </p>
      <p className="mt-1">Kept in this site&apos;s local storage and a first-party cookie; Leadgate sees no other site&apos;s cookies.</p>
    </aside>
  );
}
