import type { Metadata } from "next";
import { VisitorPanel } from "@/components/demo-site/visitor-panel";

export const metadata: Metadata = { title: "Pricing" };

const PLANS = [
  { name: "Team", price: "$49", detail: "a seat a month, up to 25 seats" },
  { name: "Business", price: "$89", detail: "a seat a month, SSO and audit log" },
  { name: "Enterprise", price: "Ask us", detail: "dedicated support and a data residency choice" },
];

export default function DemoSitePricing() {
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Pricing</h1>
      <p className="text-slate-700">The default scoring rules give a pricing page view more points than other pages: it is a sign of buying interest.</p>
      <ul className="grid gap-4 sm:grid-cols-3">
        {PLANS.map((plan) => (
          <li key={plan.name} className="rounded-lg border border-slate-200 p-4">
            <h2 className="font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-2 text-2xl font-bold text-slate-900">{plan.price}</p>
            <p className="text-sm text-slate-600">{plan.detail}</p>
          </li>
        ))}
      </ul>
      <VisitorPanel />
    </div>
  );
}
