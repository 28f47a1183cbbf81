import { CopyButton } from "@/components/ui/copy-button";
import type { WriteKeyView } from "@/lib/views/tracking";

const IDENTIFY_EXAMPLE = `<form data-leadgate="contact-sales">…<input name="email">…</form>

<script>
  // After your own sign-up or sign-in:
  leadgate.identify({ email: "ada@example.com", firstName: "Ada", company: "Engines Ltd" });
</script>`;

function Code({ text, label }: { text: string; label: string }) {
  return (
    <div className="mt-2 flex items-start justify-between gap-2">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{text}</pre>
      <CopyButton text={text} label={label} />
    </div>
  );
}

/** The snippet for each site's write key, and how forms and sign-ins identify a visitor. */
export function SnippetInstructions({ origin, keys, manages }: { origin: string; keys: WriteKeyView[]; manages: boolean }) {
  const sites = keys.filter((key) => !key.origins.every((site) => site === "self"));
  return (
    <section aria-labelledby="snippet-heading" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700 shadow-sm">
      <h2 id="snippet-heading" className="text-base font-semibold text-slate-900">
        The snippet
      </h2>
      {sites.length === 0 ? (
        <p className="mt-2">
          {manages ? "Make a write key for your site below; its snippet appears here." : "No site has a write key yet: ask an admin to make one for your website."}
        </p>
      ) : (
        sites.map((key) => (
          <div key={key.id} className="mt-3">
            <h3 className="font-medium text-slate-900">
              {key.name} <span className="font-normal text-slate-500">({key.origins.join(", ")})</span>
            </h3>
            <p className="mt-1">Paste into every page, before &lt;/body&gt;:</p>
            <Code text={`<script src="${origin}/t.js" data-write-key="${key.key}" async></script>`} label={`Copy the snippet for ${key.name}`} />
          </div>
        ))
      )}
      <h3 className="mt-5 font-medium text-slate-900">Forms and sign-ins</h3>
      <p className="mt-1">
        Mark a form with <code className="rounded bg-slate-100 px-1 font-mono text-xs">data-leadgate</code>: on submit, its fields named like lead fields
        (email, first name, last name, company, title, phone, company size, industry, country, website) are sent; other fields and passwords never are.
        Or call <code className="rounded bg-slate-100 px-1 font-mono text-xs">leadgate.identify</code> with the visitor&apos;s e-mail.
      </p>
      <Code text={IDENTIFY_EXAMPLE} label="Copy the forms and identify example" />
    </section>
  );
}
