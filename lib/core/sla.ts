/** Where an MQL stands against the response SLA: when it is due, and by how much it is late or early. */
export type SlaStatus = { dueAt: Date; overdue: boolean; /** Negative when overdue. */ remainingMs: number };

const HOUR_MS = 3_600_000;

export function mqlSla(enteredMqlAt: Date, slaHours: number, now: Date): SlaStatus {
  const dueAt = new Date(enteredMqlAt.getTime() + slaHours * HOUR_MS);
  const remainingMs = dueAt.getTime() - now.getTime();
  return { dueAt, overdue: remainingMs < 0, remainingMs };
}

/** MQLs that entered MQL before this moment are overdue now. */
export function overdueCutoff(slaHours: number, now: Date): Date {
  return new Date(now.getTime() - slaHours * HOUR_MS);
}

/** "3 h 20 min left", "overdue by 2 d 4 h": whole minutes, the two largest units. */
export function describeSla(status: SlaStatus): string {
  const minutes = Math.floor(Math.abs(status.remainingMs) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = days > 0 ? [`${days} d`, hours > 0 ? `${hours} h` : ""] : hours > 0 ? [`${hours} h`, mins > 0 ? `${mins} min` : ""] : [`${mins} min`];
  const span = parts.filter(Boolean).join(" ");
  return status.overdue ? `overdue by ${span}` : `${span} left`;
}
