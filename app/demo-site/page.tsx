import { ContactSalesForm } from "@/components/demo-site/contact-sales-form";
import { VisitorPanel } from "@/components/demo-site/visitor-panel";

export default function DemoSiteHome() {
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Dashboards your whole company reads</h1>
        <p className="max-w-2xl text-slate-700">
          Northwind Analytics is a made-up product. Browse this site like a prospect would: each page you open is sent to Leadgate as a page view of an
          anonymous visitor. Fill in the form and those page views become the new lead&apos;s, scored with it.
        </p>
      </section>
      <VisitorPanel />
      <ContactSalesForm />
    </div>
  );
}
