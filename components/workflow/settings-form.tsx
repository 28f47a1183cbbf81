import type { FormEvent, ReactNode, RefObject } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  id: string;
  title: string;
  description: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: () => void;
  pending: boolean;
  dirty: boolean;
  message: string | null;
  saveLabel: string;
  children: ReactNode;
  /** Rendered outside the form, so that its buttons can't submit it. */
  dialog?: ReactNode;
};

/** One section of the workflow settings: its own form, saved on its own with its own button. */
export function SettingsForm({ id, title, description, formRef, onSubmit, pending, dirty, message, saveLabel, children, dialog }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    // Not a form action: React would reset the inputs, and a refused save must keep them.
    event.preventDefault();
    onSubmit();
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <header className="border-b border-slate-100 px-5 py-4">
          <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <div className="mt-1 max-w-3xl space-y-1 text-sm text-slate-600">{description}</div>
        </header>
        <div className="px-5 py-4">{children}</div>
        <footer className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 px-5 py-3">
          <div className="min-w-0 flex-1 text-sm" aria-live="polite">
            {message ? (
              <p role="alert" className="text-red-700">
                {message}
              </p>
            ) : (
              dirty && <p className="text-slate-600">Unsaved changes</p>
            )}
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : saveLabel}
          </Button>
        </footer>
      </form>
      {dialog}
    </section>
  );
}
