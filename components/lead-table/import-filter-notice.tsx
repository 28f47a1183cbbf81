import { Button } from "@/components/ui/button";

/** Says the table shows one import's leads only (the import page's "View imported leads"), with the way back to all. */
export function ImportFilterNotice({ onClear }: { onClear: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm text-slate-800 sm:px-6" data-testid="import-filter">
      <p>Showing only the leads one CSV import created or updated (or added events to).</p>
      <Button type="button" variant="ghost" className="px-2 py-1" onClick={onClear}>
        Show all leads
      </Button>
    </div>
  );
}
