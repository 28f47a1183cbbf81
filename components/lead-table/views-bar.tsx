"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BuiltInView } from "@/lib/core/saved-views";
import type { SavedViewSummary } from "@/lib/views/leads";
import { createSavedViewAction, deleteSavedViewAction, updateSavedViewAction } from "@/lib/server/leads/saved-view-actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { SaveViewDialog } from "./save-view-dialog";

type Props = { builtIn: BuiltInView[]; saved: SavedViewSummary[]; activeView: string | null; currentQuery: string };

type Dialog = { kind: "save" } | { kind: "edit"; view: SavedViewSummary } | { kind: "delete"; view: SavedViewSummary } | null;

function ViewLink({ href, active, children, title }: { href: string; active: boolean; children: React.ReactNode; title?: string }) {
  return (
    <Link
      href={href}
      title={title}
      aria-current={active ? "page" : undefined}
      className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}

/** The built-in views, the user's own and the team's shared ones; save the current table as a view. */
export function ViewsBar({ builtIn, saved, activeView, currentQuery }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [dialog, setDialog] = useState<Dialog>(null);
  const active = saved.find((view) => view.id === activeView);

  const afterSave = (view: SavedViewSummary, verb: string) => {
    setDialog(null);
    toast.show("success", `View "${view.name}" ${verb}${view.shared ? " and shared with the team" : ""}.`);
    router.push(`/leads?${view.query ? `${view.query}&` : ""}view=${view.id}`);
    router.refresh();
  };

  const remove = async (view: SavedViewSummary) => {
    const result = await deleteSavedViewAction({ id: view.id });
    setDialog(null);
    if (!result.ok) return toast.show("error", result.error.message);
    toast.show("success", `View "${view.name}" deleted.`);
    router.push("/leads");
  };

  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-4 py-2 sm:px-6">
      <nav aria-label="Views" className="flex flex-wrap items-center gap-1">
        {builtIn.map((view) => (
          <ViewLink key={view.id} href={`/leads?${view.query}`} active={activeView === view.id} title={view.description}>
            {view.name}
          </ViewLink>
        ))}
        {saved.length > 0 && <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden="true" />}
        {saved.map((view) => (
          <ViewLink key={view.id} href={`/leads?${view.query ? `${view.query}&` : ""}view=${view.id}`} active={activeView === view.id} title={view.mine ? undefined : `Shared by ${view.ownerName}`}>
            {view.name}
            {view.shared && <span className="ml-1 text-xs opacity-75">{view.mine ? "· shared" : `· ${view.ownerName}`}</span>}
          </ViewLink>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-2">
        {active?.mine && (
          <>
            <Button
              variant="ghost"
              onClick={async () => {
                const result = await updateSavedViewAction({ id: active.id, name: active.name, shared: active.shared, query: currentQuery });
                if (result.ok) afterSave(result.data, "updated");
                else toast.show("error", result.error.message);
              }}
            >
              Update view
            </Button>
            <Button variant="ghost" onClick={() => setDialog({ kind: "edit", view: active })}>
              Rename
            </Button>
            <Button variant="ghost" onClick={() => setDialog({ kind: "delete", view: active })}>
              Delete
            </Button>
          </>
        )}
        <Button variant="secondary" onClick={() => setDialog({ kind: "save" })}>
          Save view
        </Button>
      </div>
      {dialog?.kind === "save" && (
        <SaveViewDialog
          title="Save this view"
          submitLabel="Save view"
          initial={{ name: "", shared: false }}
          onSave={(input) => createSavedViewAction({ ...input, query: currentQuery })}
          onSaved={(view) => afterSave(view, "saved")}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "edit" && (
        <SaveViewDialog
          title="Rename view"
          submitLabel="Save"
          initial={{ name: dialog.view.name, shared: dialog.view.shared }}
          onSave={(input) => updateSavedViewAction({ ...input, id: dialog.view.id, query: dialog.view.query })}
          onSaved={(view) => afterSave(view, "saved")}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "delete" && (
        <ConfirmDialog title={`Delete "${dialog.view.name}"?`} confirmLabel="Delete view" onConfirm={() => remove(dialog.view)} onCancel={() => setDialog(null)}>
          {dialog.view.shared ? "Your teammates will no longer see it either." : "Only this saved view goes; no leads change."}
        </ConfirmDialog>
      )}
    </div>
  );
}
