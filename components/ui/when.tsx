// A fixed time zone renders the same text on the server and in the browser, so hydration never disagrees.
const toMinutes = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const toSeconds = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A moment in UTC, to the minute, or to the second where seconds tell things apart (retries). */
export function When({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  return <time dateTime={iso}>{(seconds ? toSeconds : toMinutes).format(new Date(iso))} UTC</time>;
}
