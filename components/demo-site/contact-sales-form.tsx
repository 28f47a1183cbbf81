"use client";

import type { FormEvent } from "react";
import { useState } from "react";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-slate-900 focus:outline-none focus:ring-2 focus:ring-slate-900/30";

/**
 * The site's "Talk to sales" form, marked `data-leadgate`: the snippet sends its lead fields on
 * submit (the message stays on the site). A real site would post it to its own back end too.
 */
export function ContactSalesForm() {
  const [sent, setSent] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    // The snippet listens in the capture phase, so it has already sent the form by now.
    event.preventDefault();
    setSent(String(new FormData(event.currentTarget).get("email") ?? ""));
  }

  if (sent) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
        Thanks! Our team will write to {sent} shortly. In Leadgate, the lead now has the pages you viewed here.
      </p>
    );
  }
  return (
    <section aria-labelledby="contact-heading" className="rounded-lg border border-slate-200 p-6">
      <h2 id="contact-heading" className="text-xl font-semibold text-slate-900">
        Talk to sales
      </h2>
      <form data-leadgate="contact-sales" onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium text-slate-700">
          Work e-mail
          <input name="email" type="email" required autoComplete="email" className={FIELD} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Company
          <input name="company" autoComplete="organization" className={FIELD} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          First name
          <input name="firstName" autoComplete="given-name" className={FIELD} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Last name
          <input name="lastName" autoComplete="family-name" className={FIELD} />
        </label>
        <label className="text-sm font-medium text-slate-700 sm:col-span-2">
          What would you like to see?
          <textarea name="message" rows={3} className={FIELD} />
        </label>
        <button type="submit" className="justify-self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Send
        </button>
      </form>
    </section>
  );
}
