export type FormMessageValue = { tone: "success" | "error"; text: string };

const PLAIN = { error: "text-red-700", success: "text-emerald-700" };
// A banner inside a card's padding, for lists whose rows change under it.
const BANNER = { error: "mx-6 mt-3 rounded-md bg-red-50 px-3 py-2 text-red-800", success: "mx-6 mt-3 rounded-md bg-emerald-50 px-3 py-2 text-emerald-800" };

/** The outcome of a form or a list's action: errors are announced at once, confirmations politely. */
export function FormMessage({ message, banner = false }: { message: FormMessageValue | null; banner?: boolean }) {
  if (!message) return null;
  return (
    <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${(banner ? BANNER : PLAIN)[message.tone]}`}>
      {message.text}
    </p>
  );
}
