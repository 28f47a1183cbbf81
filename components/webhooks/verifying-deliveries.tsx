import { CopyButton } from "@/components/ui/copy-button";

const VERIFY_EXAMPLE = `// npm install standardwebhooks
import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.LEADGATE_WEBHOOK_SECRET); // whsec_…

// In your POST handler, with the body exactly as it arrived (not re-serialized):
const event = webhook.verify(rawBody, {
  "webhook-id": request.headers["webhook-id"],
  "webhook-timestamp": request.headers["webhook-timestamp"],
  "webhook-signature": request.headers["webhook-signature"],
}); // throws if the signature or the timestamp is wrong
// event.type: "lead.mql", event.data.lead: { id, email, stage, score, ownerId, … }
// Answer 2xx within 10 s; the same webhook-id may come twice, so ignore repeats.`;

/** How a receiving system checks that a delivery comes from Leadgate, with an example to copy. */
export function VerifyingDeliveries() {
  return (
    <section aria-labelledby="verifying-heading" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700 shadow-sm">
      <h2 id="verifying-heading" className="text-base font-semibold text-slate-900">
        Checking a delivery
      </h2>
      <p className="mt-2">
        Each delivery is a JSON POST signed as{" "}
        <a href="https://www.standardwebhooks.com/" className="font-medium text-brand-700 underline hover:text-brand-600">
          Standard Webhooks
        </a>{" "}
        specify, with the endpoint&apos;s secret: libraries for most languages verify it in one call.
      </p>
      <div className="mt-3 flex items-start justify-between gap-2">
        <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{VERIFY_EXAMPLE}</pre>
        <CopyButton text={VERIFY_EXAMPLE} label="Copy verification example" />
      </div>
    </section>
  );
}
