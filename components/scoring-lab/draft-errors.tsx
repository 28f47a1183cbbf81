import type { RulesDraft } from "@/components/scoring/rules-draft";

const SECTIONS: Record<string, { name: string; list?: keyof Pick<RulesDraft, "fit" | "engagement" | "disqualify"> }> = {
  fit: { name: "Fit rule", list: "fit" },
  engagement: { name: "Engagement rule", list: "engagement" },
  disqualify: { name: "Disqualifying rule", list: "disqualify" },
  threshold: { name: "MQL threshold" },
};

const SETTINGS: Record<string, string> = {
  eventType: "event type",
  halfLifeDays: "half-life",
  windowDays: "window",
  reasonCode: "reason",
  total: "total score",
  probability: "chance",
  fit: "fit score",
};

/** "engagement.2.points" → "Engagement rule 3 “Demo request”, points": the setting named as the editor shows it. */
export function describeRulePath(path: string, draft: RulesDraft | null): string {
  const [section, ...rest] = path.split(".");
  const known = SECTIONS[section];
  if (!known) return path || "The rules";
  if (!known.list) return [known.name, ...rest.map((part) => SETTINGS[part] ?? part)].join(", ");
  const [index, ...settings] = rest;
  const label = draft?.[known.list][Number(index)]?.label.trim();
  const rule = `${known.name} ${Number(index) + 1}${label ? ` “${label}”` : ""}`;
  const setting = settings.filter((part) => !/^\d+$/.test(part)).map((part) => SETTINGS[part] ?? part);
  return setting.length > 0 ? `${rule}, ${setting.join(" ")}` : rule;
}

/** Why a draft can't be backtested, each problem named by the rule and setting it concerns. */
export function DraftErrors({ message, errors, draft }: { message: string; errors: Readonly<Record<string, string>>; draft: RulesDraft | null }) {
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {/* The server's summary points at fields marked in the editor; here the list below names them. */}
      <p>{Object.keys(errors).length > 0 && draft ? "Fix these in the editor above, then backtest again:" : message}</p>
      {Object.keys(errors).length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="draft-errors">
          {Object.entries(errors).map(([path, error]) => (
            <li key={path}>
              <span className="font-medium">{describeRulePath(path, draft)}:</span> {error}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
