import type { Move } from "@/lib/core/funnel";
import type { LeadReturn } from "@/lib/views/funnel";
import { Timestamp } from "@/components/leads/timestamp";

const HEADLINES: Partial<Record<Move, string>> = {
  reject: "Rejected by sales",
  recycle: "Recycled by sales",
  nurture: "Sent to nurture",
};

/** Why the lead came back to marketing: the reason sales gave, who gave it and when. */
export function ReturnCallout({ lastReturn, now }: { lastReturn: LeadReturn; now: string }) {
  return (
    <p className="mt-2 rounded-md border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="return-callout">
      <span className="font-semibold">{HEADLINES[lastReturn.move] ?? "Returned to marketing"}:</span> {lastReturn.reason ?? <span className="italic">no reason given</span>}
      {lastReturn.note && <> (&ldquo;{lastReturn.note}&rdquo;)</>}
      <span className="text-amber-800">
        {" — "}
        {lastReturn.actorName}, <Timestamp iso={lastReturn.at} now={now} />
      </span>
    </p>
  );
}
