import type { Metadata } from "next";
import Link from "next/link";
import Script from "next/script";
import type { ReactNode } from "react";
import { demoSiteWriteKey } from "@/lib/server/tracking/write-keys";

export const dynamic = "force-dynamic";
// Absolute: the app's own "· Leadgate" suffix would give away what this page stands in for.
export const metadata: Metadata = { title: { absolute: "Northwind Analytics (demo site)", template: "%s · Northwind Analytics (demo site)" } };

/**
 * A stand-in for a customer's website, served by the app so the tracking snippet can be tried end
 * to end: it loads /t.js with the demo's write key, as a marketer would paste it into their site.
 */
export default async function DemoSiteLayout({ children }: { children: ReactNode }) {
  const writeKey = await demoSiteWriteKey();
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-4">
          <Link href="/demo-site" className="text-lg font-semibold">
            Northwind Analytics
          </Link>
          <nav aria-label="Site" className="flex gap-4 text-sm">
            <Link href="/demo-site" className="underline-offset-4 hover:underline">
              Product
            </Link>
            <Link href="/demo-site/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=winter-launch" className="underline-offset-4 hover:underline">
              Pricing
            </Link>
          </nav>
          <p className="ml-auto rounded bg-amber-300 px-2 py-0.5 text-xs font-medium text-slate-900">Demo site for Leadgate&apos;s tracking snippet</p>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-10">
        {writeKey ? (
          children
        ) : (
          <p role="alert" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
            The demo site has no write key, so it sends nothing. Set <code>LEADGATE_DEMO_WRITE_KEY</code> (npm run app makes one in demo mode) or ask an admin
            to make a write key whose sites are &quot;self&quot;.
          </p>
        )}
      </main>
      {writeKey && <Script src="/t.js" data-write-key={writeKey} strategy="afterInteractive" />}
    </div>
  );
}
