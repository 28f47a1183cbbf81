import type { WebhookRow } from "@/lib/views/webhooks";
import { When } from "@/components/ui/when";

/** Active, failing since when, or disabled (and why). */
export function WebhookStatus({ webhook }: { webhook: WebhookRow }) {
  if (webhook.disabledAt) {
    return (
      <span className="text-sm">
        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Disabled</span>{" "}
        <span className="text-slate-600">
          on <When iso={webhook.disabledAt} />. {webhook.disabledReason}
        </span>
      </span>
    );
  }
  if (webhook.failingSince) {
    return (
      <span className="text-sm">
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Failing</span>{" "}
        <span className="text-slate-600">
          since <When iso={webhook.failingSince} />
        </span>
      </span>
    );
  }
  return <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>;
}
