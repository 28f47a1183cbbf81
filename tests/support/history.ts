/**
 * Past leads with a planted signal, as history records for POST /api/v1/history: the chance to
 * be won is known, so the lab's figures can be checked against the truth. Seeded, so every run
 * sends the same records.
 */

import { mulberry32 } from "../../lib/core/scoring-lab/test-history";

const DAY = 86_400_000;

const iso = (at: number) => new Date(at).toISOString();
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export type PlantedHistory = { records: Array<Record<string, unknown>>; won: number; lost: number; stalled: number; open: number };

/**
 * `count` leads created 1–400 days before `now`. Won with probability
 * sigmoid(−2.2 + 1.6·Software + 2.2·asked for a demo + 1.0·referral − 1.2·paid search).
 * Leads younger than 90 days with no outcome are still open (pending).
 */
export function plantedHistory(count: number, options: { now?: number; seed?: number; prefix?: string; noiseEvents?: number } = {}): PlantedHistory {
  const now = options.now ?? Date.now();
  const random = mulberry32(options.seed ?? 7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const history: PlantedHistory = { records: [], won: 0, lost: 0, stalled: 0, open: 0 };
  for (let n = 0; n < count; n++) {
    const createdAt = now - Math.floor((1 + random() * 399) * DAY);
    const industry = pick(["Software", "Retail", "Healthcare"]);
    const source = pick(["referral", "paid_search", "website", "website"]);
    const demo = random() < 0.3;
    const chance = sigmoid(-2.2 + (industry === "Software" ? 1.6 : 0) + (demo ? 2.2 : 0) + (source === "referral" ? 1 : 0) - (source === "paid_search" ? 1.2 : 0));
    const won = random() < chance;
    const decidedAt = createdAt + Math.floor((20 + random() * 40) * DAY);
    const events: Array<Record<string, unknown>> = [];
    const views = Math.floor(random() * 6);
    for (let v = 0; v < views; v++) events.push({ type: "page_view", occurredAt: iso(createdAt + Math.floor(random() * 15 * DAY) + v), properties: { url: pick(["/product", "/pricing", "/blog"]) } });
    if (demo) events.push({ type: "demo_request", occurredAt: iso(createdAt + 16 * DAY) });
    // Activity that says nothing about the outcome, `noiseEvents` a lead on average.
    const noise = Math.floor(random() * 2 * (options.noiseEvents ?? 0));
    for (let e = 0; e < noise; e++) events.push({ type: pick(["email_open", "email_click", "page_view"]), occurredAt: iso(createdAt + Math.floor(random() * 60 * DAY)), properties: { campaign: pick(["spring", "autumn"]) } });
    const lead = { email: `${options.prefix ?? "past"}${n}@history.example`, firstName: "Past", lastName: `Lead ${n}`, industry, source, companySize: 20 + Math.floor(random() * 2000), createdAt: iso(createdAt) };
    let stages: Array<Record<string, unknown>> = [];
    if (won && decidedAt < now) {
      stages = [
        { stage: "MQL", at: iso(createdAt + 17 * DAY) },
        { stage: "SAL", at: iso(createdAt + 18 * DAY) },
        { stage: "SQL", at: iso(createdAt + 19 * DAY) },
        { stage: "WON", at: iso(decidedAt) },
      ];
      history.won++;
    } else if (!won && decidedAt < now && random() < 0.6) {
      stages = [{ stage: "LOST", at: iso(decidedAt), reason: "No budget" }];
      history.lost++;
    } else if (createdAt + 90 * DAY <= now) history.stalled++;
    else history.open++;
    history.records.push({ lead, events: events.filter((event) => Date.parse(event.occurredAt as string) <= now), stages });
  }
  return history;
}
