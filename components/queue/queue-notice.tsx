"use client";

/** Why a move did not happen (someone else moved the lead, say); it stays until dismissed. */
export function QueueNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" data-testid="queue-notice" className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="flex-1">{message}</p>
      <button type="button" onClick={onDismiss} className="rounded px-1 font-medium text-amber-900 underline-offset-2 hover:underline">
        Dismiss
      </button>
    </div>
  );
}
