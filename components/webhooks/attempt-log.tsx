import { When } from "@/components/ui/when";
import type { WebhookAttemptRow } from "@/lib/views/webhooks";

/** A delivery's attempts, newest first, folded away until asked for. */
export function AttemptLog({ attempts }: { attempts: WebhookAttemptRow[] }) {
  if (attempts.length === 0) return null;
  const [latest] = attempts;
  return (
    <details className="rounded-md border border-slate-200 text-sm">
      <summary className="cursor-pointer px-3 py-2 text-slate-700">
        Last attempt: {latest.statusCode === null ? "no answer" : `HTTP ${latest.statusCode}`} in {latest.latencyMs} ms
      </summary>
      <ol className="divide-y divide-slate-100 border-t border-slate-200">
        {attempts.map((attempt) => (
          <li key={attempt.attemptedAt} className="space-y-1 px-3 py-2">
            <p className="text-xs text-slate-600">
              <When iso={attempt.attemptedAt} seconds /> · {attempt.statusCode === null ? "no answer" : `HTTP ${attempt.statusCode}`} · {attempt.latencyMs} ms
            </p>
            {attempt.error && <p className="text-xs text-red-700">{attempt.error}</p>}
            {attempt.responseExcerpt && <pre tabIndex={0} className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-700">{attempt.responseExcerpt}</pre>}
          </li>
        ))}
      </ol>
    </details>
  );
}
