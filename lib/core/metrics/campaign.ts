/** What first-touch attribution needs of an event. */
export type CampaignTouch = { id: string; occurredAt: Date; properties: Readonly<Record<string, unknown>> };

/**
 * A lead's first-touch campaign: the `campaign` property of its earliest event that names one
 * (a non-blank string). Events at the same moment are taken in id order, so the answer does not
 * depend on the order they were loaded in.
 */
export function firstTouchCampaign(events: readonly CampaignTouch[]): string | null {
  let first: { at: number; id: string; campaign: string } | null = null;
  for (const event of events) {
    const value = event.properties.campaign;
    if (typeof value !== "string") continue;
    const campaign = value.trim();
    if (campaign === "") continue;
    const at = event.occurredAt.getTime();
    if (first === null || at < first.at || (at === first.at && event.id < first.id)) first = { at, id: event.id, campaign };
  }
  return first?.campaign ?? null;
}
