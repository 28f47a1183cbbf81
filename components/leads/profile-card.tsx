import type { ReactNode } from "react";
import type { CustomFieldValue, LeadProfile } from "@/lib/views/leads";
import { SectionCard } from "./section-card";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US");

// Leads arrive through the API and imports, so only plain web addresses become links.
const isWebAddress = (value: string) => /^https?:\/\//i.test(value);

function customValue(value: CustomFieldValue): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === false || children === "";
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 py-2">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-slate-900">
        {empty ? (
          <>
            <span aria-hidden="true" className="text-slate-400">
              —
            </span>
            <span className="sr-only">Not known</span>
          </>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}

export function ProfileCard({ profile }: { profile: LeadProfile }) {
  const custom = Object.entries(profile.customFields);
  const link = "text-brand-700 hover:underline";
  return (
    <SectionCard id="profile" title="Profile">
      <dl className="-my-2 divide-y divide-slate-100">
        <Row label="E-mail">
          <a href={`mailto:${profile.email}`} className={link}>
            {profile.email}
          </a>
        </Row>
        <Row label="Phone">
          {profile.phone && (
            <a href={`tel:${profile.phone.replace(/[^\d+]/g, "")}`} className={link}>
              {profile.phone}
            </a>
          )}
        </Row>
        <Row label="Title">{profile.title}</Row>
        <Row label="Seniority">{profile.seniority}</Row>
        <Row label="Company">{profile.company}</Row>
        <Row label="Company size">{profile.companySize !== null && `${whole.format(profile.companySize)} employees`}</Row>
        <Row label="Annual revenue">{profile.annualRevenue !== null && <span title={whole.format(profile.annualRevenue)}>{compact.format(profile.annualRevenue)}</span>}</Row>
        <Row label="Industry">{profile.industry}</Row>
        <Row label="Country">{profile.country}</Row>
        <Row label="Website">
          {profile.website &&
            (isWebAddress(profile.website) ? (
              <a href={profile.website} target="_blank" rel="noopener noreferrer" className={link}>
                {profile.website.replace(/^https?:\/\/(www\.)?/i, "")}
              </a>
            ) : (
              profile.website
            ))}
        </Row>
        <Row label="Source">{profile.source}</Row>
      </dl>
      {custom.length > 0 && (
        <>
          <h3 className="mt-5 text-xs font-semibold uppercase tracking-wide text-slate-500">Custom fields</h3>
          <dl className="mt-1 divide-y divide-slate-100">
            {custom.map(([name, value]) => (
              <Row key={name} label={name}>
                {customValue(value)}
              </Row>
            ))}
          </dl>
        </>
      )}
    </SectionCard>
  );
}
