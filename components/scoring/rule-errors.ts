/** The server's messages about the rules, keyed by setting: "engagement.2.points". */
export type RuleErrors = Readonly<Record<string, string>>;

/** The message for a setting or anything inside it ("fit.0.condition.values.2" belongs to "fit.0.condition.values"). */
export function errorAt(errors: RuleErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside ? errors[inside] : undefined;
}

/** Messages under `prefix` that none of the `shown` settings displays, so that none is lost. */
export function otherErrors(errors: RuleErrors, prefix: string, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => (key === prefix || key.startsWith(`${prefix}.`)) && !shown.some((path) => key === path || key.startsWith(`${path}.`)))
    .map(([, message]) => message);
}
