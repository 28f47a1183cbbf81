const STEPS = ["Choose a file", "Map columns", "Import"] as const;

/** Where the user is in the import, for the eye and for screen readers (aria-current="step"). */
export function ImportSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <ol aria-label="Import steps" className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      {STEPS.map((label, index) => {
        const step = index + 1;
        const state = step < current ? "done" : step === current ? "current" : "upcoming";
        return (
          <li key={label} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-2">
            {index > 0 && <span aria-hidden="true" className="h-px w-6 bg-slate-300" />}
            <span
              aria-hidden="true"
              className={`flex size-6 items-center justify-center rounded-full text-xs font-semibold ${
                state === "upcoming" ? "border border-slate-300 text-slate-500" : "bg-brand-600 text-white"
              }`}
            >
              {state === "done" ? "✓" : step}
            </span>
            <span className={state === "current" ? "font-semibold text-slate-900" : "text-slate-600"}>
              <span className="sr-only">Step {step}: </span>
              {label}
              {state === "done" && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
