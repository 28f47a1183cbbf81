import type { RoutingRep } from "@/lib/views/funnel";

type Props = { reps: readonly RoutingRep[]; cap: number | null };

/** Who new MQLs can go to right now, and who the cap holds back. */
export function ActiveReps({ reps, cap }: Props) {
  const active = reps.filter((rep) => rep.active);
  const inactive = reps.length - active.length;
  return (
    <div className="rounded-lg bg-slate-50 px-4 py-3" data-testid="active-reps">
      <h3 className="text-sm font-semibold text-slate-900">Active sales reps ({active.length})</h3>
      {active.length === 0 ? (
        <p className="mt-1 text-sm text-amber-800">No sales rep is active: new MQLs stay unassigned in the shared queue until one is.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2">
          {active.map((rep) => {
            const atCap = cap !== null && rep.openSals >= cap;
            return (
              <li key={rep.id} className={`rounded-full px-2.5 py-1 text-xs ${atCap ? "bg-amber-100 text-amber-900" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}>
                <span className="font-medium">{rep.name}</span> · {rep.openSals} open {rep.openSals === 1 ? "SAL" : "SALs"}
                {atCap && <span> · at the cap, gets no new MQLs</span>}
              </li>
            );
          })}
        </ul>
      )}
      {inactive > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          {inactive} deactivated {inactive === 1 ? "rep gets" : "reps get"} no MQLs.
        </p>
      )}
    </div>
  );
}
