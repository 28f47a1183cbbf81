import { asNumber, fieldLabel, formatNumber, isEmptyValue, readField } from "../scoring/conditions";
import type { FitField, LeadAttributes, ScoringEvent } from "../scoring/types";
import { DAY_MS } from "../time";

/*
 * Turns a lead, and its events up to a moment, into the numbers a model learns from. What to
 * look at is learned once from training leads (a FeatureSpec) and stored with the model, so
 * a lead is described the same way when the model is trained and every time it scores.
 */

/** A field's values: each level with enough support is its own column, plus "missing" and "other". */
export type CategoryFeature = { kind: "category"; field: FitField; levels: string[] };
/** A number, cut at the edges into bins (each its own column), plus "missing". */
export type BinsFeature = { kind: "bins"; field: FitField; edges: number[] };
/** How many events of a type (log scale), and how recent the latest one is. */
export type EventFeature = { kind: "event"; eventType: string };
/** A numeric property summed over a type's events (log scale), e.g. a deal size on a form. */
export type PropertyFeature = { kind: "property"; eventType: string; key: string };
export type Feature = CategoryFeature | BinsFeature | EventFeature | PropertyFeature;
export type FeatureSpec = { features: Feature[] };

/** A column of the model: what one weight multiplies. */
export type Column = { key: string; label: string };

export const STANDARD_CATEGORY_FIELDS: readonly FitField[] = ["industry", "seniority", "country", "source", "emailDomain", "title"];
export const STANDARD_NUMBER_FIELDS: readonly FitField[] = ["companySize", "annualRevenue"];
/** Recency fades with this time constant: an event today counts 1, a month ago 0.37. */
export const RECENCY_DAYS = 30;
const MAX_LEVELS = 50;
const BIN_COUNT = 5;

/** How many training leads a level, event type or property needs before it gets a column. */
export function minimumSupport(leads: number): number {
  return Math.max(10, Math.ceil(leads * 0.005));
}

export type FeatureSource = { attributes: LeadAttributes; events: readonly ScoringEvent[] };

/** Text as a level: trimmed and lower-cased, as the scoring rules compare text. */
export function levelOf(value: unknown): string | null {
  if (isEmptyValue(value)) return null;
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function customFieldNames(leads: readonly FeatureSource[]): string[] {
  const names = new Set<string>();
  for (const lead of leads) for (const name of Object.keys(lead.attributes.customFields ?? {})) names.add(name);
  return [...names].sort();
}

/** Most values of the field read as numbers: it is binned, not split by level. */
function isNumericField(leads: readonly FeatureSource[], field: FitField): boolean {
  let present = 0;
  let numeric = 0;
  for (const lead of leads) {
    const value = readField(lead.attributes, field);
    if (isEmptyValue(value)) continue;
    present += 1;
    if (asNumber(value) !== null) numeric += 1;
  }
  return present > 0 && numeric >= present * 0.9;
}

function categoryFeature(leads: readonly FeatureSource[], field: FitField, support: number): CategoryFeature | null {
  const counts = new Map<string, number>();
  for (const lead of leads) {
    const level = levelOf(readField(lead.attributes, field));
    if (level !== null) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const levels = [...counts]
    .filter(([, count]) => count >= support)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_LEVELS)
    .map(([level]) => level);
  return levels.length > 0 ? { kind: "category", field, levels } : null;
}

/** Quantile cut points over the distinct values, so each bin holds a similar share of leads. */
export function quantileEdges(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = sorted[Math.floor((sorted.length * i) / bins)];
    if (edge !== undefined && edge > sorted[0] && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

function binsFeature(leads: readonly FeatureSource[], field: FitField, support: number): BinsFeature | null {
  const values = leads.map((lead) => asNumber(readField(lead.attributes, field))).filter((value): value is number => value !== null);
  if (values.length < support) return null;
  return { kind: "bins", field, edges: quantileEdges(values, BIN_COUNT) };
}

/** Learns which fields, levels, event types and properties are common enough to learn from. */
export function learnFeatureSpec(leads: readonly FeatureSource[]): FeatureSpec {
  const support = minimumSupport(leads.length);
  const features: Feature[] = [];
  const customFields = customFieldNames(leads).map((name) => `custom.${name}` as FitField);
  for (const field of [...STANDARD_CATEGORY_FIELDS, ...STANDARD_NUMBER_FIELDS, ...customFields]) {
    const feature = isNumericField(leads, field) ? binsFeature(leads, field, support) : categoryFeature(leads, field, support);
    if (feature) features.push(feature);
  }
  const typeLeads = new Map<string, number>();
  const propertyLeads = new Map<string, number>();
  for (const lead of leads) {
    const types = new Set<string>();
    const properties = new Set<string>();
    for (const event of lead.events) {
      types.add(event.type);
      for (const [key, value] of Object.entries(event.properties)) if (typeof value === "number" && Number.isFinite(value)) properties.add(JSON.stringify([event.type, key]));
    }
    for (const type of types) typeLeads.set(type, (typeLeads.get(type) ?? 0) + 1);
    for (const property of properties) propertyLeads.set(property, (propertyLeads.get(property) ?? 0) + 1);
  }
  for (const [eventType, count] of [...typeLeads].sort()) if (count >= support) features.push({ kind: "event", eventType });
  for (const [property, count] of [...propertyLeads].sort()) {
    if (count < support) continue;
    const [eventType, key] = JSON.parse(property) as [string, string];
    features.push({ kind: "property", eventType, key });
  }
  return { features };
}

function binLabel(edges: readonly number[], bin: number): string {
  if (edges.length === 0) return "any value";
  if (bin === 0) return `under ${formatNumber(edges[0])}`;
  if (bin === edges.length) return `${formatNumber(edges[bin - 1])} or more`;
  return `${formatNumber(edges[bin - 1])} to under ${formatNumber(edges[bin])}`;
}

/** The model's columns in a fixed order: weights are stored in this order. */
export function columnsOf(spec: FeatureSpec): Column[] {
  return spec.features.flatMap((feature): Column[] => {
    switch (feature.kind) {
      case "category": {
        const label = fieldLabel(feature.field);
        return [
          ...feature.levels.map((level) => ({ key: `${feature.field}=${level}`, label: `${label} is ${level}` })),
          { key: `${feature.field}:other`, label: `${label} is something less common` },
          { key: `${feature.field}:missing`, label: `${label} is empty` },
        ];
      }
      case "bins": {
        const label = fieldLabel(feature.field);
        return [
          ...Array.from({ length: feature.edges.length + 1 }, (_, bin) => ({ key: `${feature.field}#${bin}`, label: `${label} ${binLabel(feature.edges, bin)}` })),
          { key: `${feature.field}:missing`, label: `${label} is empty` },
        ];
      }
      case "event":
        return [
          { key: `event:${feature.eventType}:count`, label: `${feature.eventType} events` },
          { key: `event:${feature.eventType}:recency`, label: `a recent ${feature.eventType}` },
        ];
      case "property":
        return [{ key: `property:${feature.eventType}:${feature.key}`, label: `${feature.key} on ${feature.eventType} events` }];
    }
  });
}

/** One lead as (column, value) pairs; columns not listed are 0. `now` is the moment described. */
export type FeatureVector = { indices: number[]; values: number[] };

function signedLog(value: number): number {
  return Math.sign(value) * Math.log1p(Math.abs(value));
}

export function featurize(spec: FeatureSpec, lead: FeatureSource, now: number): FeatureVector {
  const indices: number[] = [];
  const values: number[] = [];
  const set = (index: number, value: number) => {
    if (value !== 0) {
      indices.push(index);
      values.push(value);
    }
  };
  const byType = new Map<string, ScoringEvent[]>();
  for (const event of lead.events) {
    const list = byType.get(event.type);
    if (list) list.push(event);
    else byType.set(event.type, [event]);
  }
  let column = 0;
  for (const feature of spec.features) {
    switch (feature.kind) {
      case "category": {
        const level = levelOf(readField(lead.attributes, feature.field));
        const at = level === null ? feature.levels.length + 1 : feature.levels.indexOf(level);
        set(column + (at < 0 ? feature.levels.length : at), 1);
        column += feature.levels.length + 2;
        break;
      }
      case "bins": {
        const number = asNumber(readField(lead.attributes, feature.field));
        const bins = feature.edges.length + 1;
        set(column + (number === null ? bins : feature.edges.filter((edge) => number >= edge).length), 1);
        column += bins + 1;
        break;
      }
      case "event": {
        const events = byType.get(feature.eventType) ?? [];
        const latest = events.reduce((max, event) => Math.max(max, event.occurredAt.getTime()), -Infinity);
        set(column, Math.log1p(events.length));
        set(column + 1, events.length > 0 ? Math.exp(-Math.max(0, now - latest) / (RECENCY_DAYS * DAY_MS)) : 0);
        column += 2;
        break;
      }
      case "property": {
        let sum = 0;
        for (const event of byType.get(feature.eventType) ?? []) {
          const value = event.properties[feature.key];
          if (typeof value === "number" && Number.isFinite(value)) sum += value;
        }
        set(column, signedLog(sum));
        column += 1;
        break;
      }
    }
  }
  return { indices, values };
}
