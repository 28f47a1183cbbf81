export function LeadgateLogo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7">
        <rect width="24" height="24" rx="6" className="fill-brand-600" />
        <path d="M6 7h12l-4 5v5l-4 2v-7z" className="fill-white" />
      </svg>
      Leadgate
    </span>
  );
}
