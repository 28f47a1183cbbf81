import Link from "next/link";

export default function LeadNotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-700">Not found</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">This lead doesn&apos;t exist</h1>
      <p className="mt-2 text-sm text-slate-600">It may have been deleted, or the link is incomplete. Search for the lead on the funnel board instead.</p>
      <Link href="/board" className="mt-6 inline-flex items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Go to the funnel board
      </Link>
    </div>
  );
}
