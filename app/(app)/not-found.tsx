import Link from "next/link";

export default function PageNotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-700">Not found</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">There is no page at this address</h1>
      <p className="mt-2 text-sm text-slate-600">The link may be old or mistyped. The navigation above leads to every page you can use.</p>
      <Link href="/" className="mt-6 inline-flex items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Go to your start page
      </Link>
    </div>
  );
}
