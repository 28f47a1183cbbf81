"use client";

import { flushSync } from "react-dom";

/** The list with the item at `index` moved one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + delta, 0, item);
  return next;
}

type Props = { idPrefix: string; name: string; index: number; count: number; disabled?: boolean; onMove: (delta: -1 | 1) => void };

const buttonClass =
  "inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent";

/**
 * Move up / move down for one item of an ordered list. The focus follows the item to its new
 * place (on the other button when it reached an end), so the keyboard can keep moving it.
 */
export function MoveButtons({ idPrefix, name, index, count, disabled = false, onMove }: Props) {
  function move(delta: -1 | 1) {
    flushSync(() => onMove(delta));
    const to = index + delta;
    const atEnd = (delta === -1 && to === 0) || (delta === 1 && to === count - 1);
    const direction = delta === -1 ? "up" : "down";
    document.getElementById(`${idPrefix}-${atEnd ? (direction === "up" ? "down" : "up") : direction}`)?.focus();
  }

  return (
    <span className="inline-flex">
      <button type="button" id={`${idPrefix}-up`} className={buttonClass} aria-label={`Move ${name} up`} title="Move up" disabled={disabled || index === 0} onClick={() => move(-1)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 4a1 1 0 0 1 .7.3l5 5a1 1 0 0 1-1.4 1.4L11 7.4V15a1 1 0 1 1-2 0V7.4l-3.3 3.3a1 1 0 0 1-1.4-1.4l5-5A1 1 0 0 1 10 4Z" />
        </svg>
      </button>
      <button type="button" id={`${idPrefix}-down`} className={buttonClass} aria-label={`Move ${name} down`} title="Move down" disabled={disabled || index === count - 1} onClick={() => move(1)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 rotate-180" fill="currentColor">
          <path d="M10 4a1 1 0 0 1 .7.3l5 5a1 1 0 0 1-1.4 1.4L11 7.4V15a1 1 0 1 1-2 0V7.4l-3.3 3.3a1 1 0 0 1-1.4-1.4l5-5A1 1 0 0 1 10 4Z" />
        </svg>
      </button>
    </span>
  );
}
