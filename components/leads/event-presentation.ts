// How timeline events read: a label and a colour family per type, and which properties matter.

// Types only: the module's schemas would pull zod into the browser bundle.
import type { EventSource, STANDARD_EVENT_TYPES } from "@/lib/core/events";

type Category = "web" | "email" | "content" | "conversion" | "live" | "negative" | "custom";

const STANDARD_TYPES: Record<(typeof STANDARD_EVENT_TYPES)[number], { label: string; category: Category }> = {
  page_view: { label: "Viewed a page", category: "web" },
  email_open: { label: "Opened an e-mail", category: "email" },
  email_click: { label: "Clicked a link in an e-mail", category: "email" },
  content_download: { label: "Downloaded content", category: "content" },
  form_submit: { label: "Submitted a form", category: "conversion" },
  contact_request: { label: "Asked to be contacted", category: "conversion" },
  meeting_booked: { label: "Booked a meeting", category: "conversion" },
  webinar_attended: { label: "Attended a webinar", category: "live" },
  event_attended: { label: "Met at an event", category: "live" },
  unsubscribe: { label: "Unsubscribed", category: "negative" },
  email_bounce: { label: "E-mail bounced", category: "negative" },
};

/** The bar beside each event and the colour of its label. */
export const CATEGORY_STYLES: Record<Category, string> = {
  web: "border-slate-300 text-slate-900",
  email: "border-sky-400 text-sky-900",
  content: "border-violet-400 text-violet-900",
  conversion: "border-emerald-500 text-emerald-900",
  live: "border-amber-400 text-amber-900",
  negative: "border-rose-400 text-rose-900",
  custom: "border-slate-400 text-slate-900",
};

export const SOURCE_LABELS: Record<EventSource, string> = { api: "API", manual: "Manual", import: "Import", seed: "Demo data", tracking: "Website" };

export const isEventSource = (source: string): source is EventSource => Object.hasOwn(SOURCE_LABELS, source);

const humanize = (name: string) => {
  const words = name.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Custom types are accepted from the API, so any type gets a readable label. */
export function describeEventType(type: string): { label: string; category: Category; custom: boolean } {
  const standard = Object.hasOwn(STANDARD_TYPES, type) ? STANDARD_TYPES[type as keyof typeof STANDARD_TYPES] : undefined;
  return standard ? { ...standard, custom: false } : { label: humanize(type), category: "custom", custom: true };
}

const KEY_PROPERTIES: ReadonlyArray<[string, string]> = [
  ["url", "Page"],
  ["content", "Content"],
  ["campaign", "Campaign"],
  ["form", "Form"],
  ["webinar", "Webinar"],
  ["event", "Event"],
  ["location", "Location"],
  ["subject", "Subject"],
];
const MAX_PROPERTIES = 4;

/** The properties worth a glance: the well-known ones first, then any other plain values. */
export function keyPropertiesOf(properties: Record<string, unknown>): Array<{ key: string; label: string; value: string }> {
  const plain = (value: unknown) => (["string", "number", "boolean"].includes(typeof value) && value !== "" ? String(value) : null);
  const known = new Map(KEY_PROPERTIES);
  const ordered = [...KEY_PROPERTIES.map(([key]) => key).filter((key) => key in properties), ...Object.keys(properties).filter((key) => !known.has(key))];
  return ordered
    .flatMap((key) => {
      const value = plain(properties[key]);
      return value === null ? [] : [{ key, label: known.get(key) ?? humanize(key), value }];
    })
    .slice(0, MAX_PROPERTIES);
}
