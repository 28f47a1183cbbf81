import { HOUR_MS } from "./time";
/** Where an MQL stands against the response SLA: when it is due, and by how much it is late or early. */
export type SlaStatus = { dueAt: Date; overdue: boolean; /** Negative when overdue. */ remainingMs: number };

/** On track, in the last part of its window (worth a warning), or past it. */
export type SlaUrgency = "onTrack" | "dueSoon" | "overdue";


/** The share of the SLA window, at its end, in which an MQL counts as due soon. */
const DUE_SOON_SHARE = 0.2;

export function mqlSla(enteredMqlAt: Date, slaHours: number, now: Date): SlaStatus {
  const dueAt = new Date(enteredMqlAt.getTime() + slaHours * HOUR_MS);
  const remainingMs = dueAt.getTime() - now.getTime();
  return { dueAt, overdue: remainingMs < 0, remainingMs };
}

/** MQLs that entered MQL before this moment are overdue now. */
export function overdueCutoff(slaHours: number, now: Date): Date {
  return new Date(now.getTime() - slaHours * HOUR_MS);
}

/** MQLs that entered MQL before this moment are due soon or overdue now. */
export function dueSoonCutoff(slaHours: number, now: Date): Date {
  return new Date(now.getTime() - slaHours * HOUR_MS * (1 - DUE_SOON_SHARE));
}

export function slaUrgency(status: SlaStatus, slaHours: number): SlaUrgency {
  if (status.overdue) return "overdue";
  return status.remainingMs <= slaHours * HOUR_MS * DUE_SOON_SHARE ? "dueSoon" : "onTrack";
}

/** "3 h 20 min left", "overdue by 2 d 4 h": whole minutes, the two largest units. */
export function describeSla(status: SlaStatus): string {
  const minutes = Math.floor(Math.abs(status.remainingMs) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = days > 0 ? [`${days} d`, hours > 0 ? `${hours} h` : ""] : hours > 0 ? [`${hours} h`, mins > 0 ? `${mins} min` : ""] : [`${mins} min`];
  // Under a minute, "0 min" would read as no time at all, and "overdue by 0 min" contradicts itself.
  const span = minutes === 0 ? "less than 1 min" : parts.filter(Boolean).join(" ");
  return status.overdue ? `overdue by ${span}` : `${span} left`;
}
