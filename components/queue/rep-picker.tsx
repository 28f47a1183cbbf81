"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { QueueScope } from "@/lib/views/funnel";
import type { UserOption } from "@/lib/views/settings";
import { repQueueHref } from "./queue-url";

/** A manager's choice of whose queue to look at; it lives in the URL (?rep=<id>). */
export function RepPicker({ scope, reps }: { scope: QueueScope; reps: UserOption[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="queue-rep" className="text-sm font-medium text-slate-700">
        Queue of
      </label>
      <select
        id="queue-rep"
        defaultValue={scope.kind === "rep" ? scope.repId : "all"}
        onChange={(event) => {
          const rep = event.target.value;
          startTransition(() => router.push(repQueueHref(rep)));
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      >
        <option value="all">All reps</option>
        {reps.map((rep) => (
          <option key={rep.id} value={rep.id}>
            {rep.name}
          </option>
        ))}
      </select>
      <span role="status" className="text-sm text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </div>
  );
}
