"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { BoardSort } from "@/lib/core/board";
import { DEFAULT_BOARD_SORT, parseBoardSort } from "@/lib/core/board";
import { can } from "@/lib/core/permissions";
import { BOARD_PROBABILITY_STEPS, parsePercent } from "@/lib/core/probability";
import type { Role } from "@/lib/core/roles";
import type { UserOption } from "@/lib/views/settings";

type Props = {
  owner: string;
  search: string;
  sort: BoardSort;
  /** Only leads the model gives at least this whole percent; null for all. */
  probMin: number | null;
  /** The probability filter is offered while a model scores leads (or while a link still sets it). */
  modelActive: boolean;
  showOutcomes: boolean;
  outcomeCounts: Record<string, number> | null;
  owners: UserOption[];
  viewerRole: Role;
};

const controlClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

const SORT_LABELS: Record<BoardSort, string> = { score: "Score", probability: "Likely to buy" };

function boardUrl(params: { owner: string; q: string; sort: BoardSort; probMin: number | null; outcomes: boolean }): string {
  const query = new URLSearchParams();
  if (params.owner && params.owner !== "all") query.set("owner", params.owner);
  if (params.q) query.set("q", params.q);
  if (params.sort !== DEFAULT_BOARD_SORT) query.set("sort", params.sort);
  if (params.probMin) query.set("probMin", String(params.probMin));
  if (params.outcomes) query.set("outcomes", "1");
  const text = query.toString();
  return text ? `/board?${text}` : "/board";
}

/** Owner filter, search, the cards' order and the outcomes toggle; all of it lives in the URL. */
export function BoardToolbar({ owner, search, sort, probMin, modelActive, showOutcomes, outcomeCounts, owners, viewerRole }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);

  function apply(next: Partial<{ owner: string; q: string; sort: BoardSort; probMin: number | null }>) {
    const form = new FormData(formRef.current ?? undefined);
    router.push(
      boardUrl({
        owner: next.owner ?? String(form.get("owner") ?? ""),
        q: next.q ?? String(form.get("q") ?? "").trim(),
        sort: next.sort ?? parseBoardSort(String(form.get("sort") ?? "")),
        probMin: next.probMin !== undefined ? next.probMin : parsePercent(String(form.get("probMin") ?? "")),
        outcomes: showOutcomes,
      }),
    );
  }

  const outcomesSummary = outcomeCounts ? ` (${["WON", "LOST", "DISQUALIFIED"].map((stage) => `${stage.toLowerCase()} ${outcomeCounts[stage] ?? 0}`).join(", ")})` : "";

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Filter the board"
      onSubmit={(event) => {
        event.preventDefault();
        apply({});
      }}
      className="flex flex-wrap items-end gap-3 px-4 py-3 sm:px-6"
    >
      <div>
        <label htmlFor="board-owner" className="block text-xs font-medium text-slate-600">
          Owner
        </label>
        <select id="board-owner" name="owner" defaultValue={owner || "all"} onChange={(event) => apply({ owner: event.target.value })} className={controlClass}>
          <option value="all">Everyone</option>
          {can(viewerRole, "leads.own") && <option value="me">My leads</option>}
          <option value="unassigned">Unassigned</option>
          {owners.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-sort" className="block text-xs font-medium text-slate-600">
          Sort cards by
        </label>
        <select id="board-sort" name="sort" defaultValue={sort} onChange={(event) => apply({ sort: parseBoardSort(event.target.value) })} className={controlClass}>
          {/* Without a model no lead has a chance to sort by: the choice would only shuffle the cards. */}
          {Object.entries(SORT_LABELS)
            .filter(([value]) => value !== "probability" || modelActive || sort === "probability")
            .map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
        </select>
      </div>
      {(modelActive || probMin !== null) && (
        <div>
          <label htmlFor="board-probability" className="block text-xs font-medium text-slate-600">
            Likely to buy
          </label>
          <select
            id="board-probability"
            name="probMin"
            defaultValue={probMin === null ? "" : String(probMin)}
            onChange={(event) => apply({ probMin: parsePercent(event.target.value) })}
            className={controlClass}
          >
            <option value="">Any chance</option>
            {probMin !== null && !(BOARD_PROBABILITY_STEPS as readonly number[]).includes(probMin) && <option value={probMin}>At least {probMin} %</option>}
            {BOARD_PROBABILITY_STEPS.map((step) => (
              <option key={step} value={step}>
                At least {step} %
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="min-w-64 flex-1 sm:flex-none">
        <label htmlFor="board-search" className="block text-xs font-medium text-slate-600">
          Search
        </label>
        <div className="flex gap-2">
          <input id="board-search" name="q" type="search" defaultValue={search} placeholder="Name, e-mail or company" className={`${controlClass} w-full placeholder:text-slate-500 sm:w-72`} />
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            Search
          </button>
        </div>
      </div>
      {(owner || search || probMin !== null) && (
        <Link href={boardUrl({ owner: "", q: "", sort, probMin: null, outcomes: showOutcomes })} className="pb-1.5 text-sm text-brand-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      )}
      <Link
        href={boardUrl({ owner, q: search, sort, probMin, outcomes: !showOutcomes })}
        className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        {showOutcomes ? "Hide outcomes" : `Show outcomes${outcomesSummary}`}
      </Link>
    </form>
  );
}
