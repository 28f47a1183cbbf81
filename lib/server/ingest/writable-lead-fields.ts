/** The lead columns ingestion may write, in a fixed order; only these names reach the SQL of either engine's store. */
export const WRITABLE_LEAD_FIELDS = [
  "firstName",
  "lastName",
  "title",
  "seniority",
  "phone",
  "company",
  "companySize",
  "annualRevenue",
  "industry",
  "country",
  "website",
  "source",
  "customFields",
  "searchText",
] as const;
export type LeadFields = Partial<Record<(typeof WRITABLE_LEAD_FIELDS)[number], string | number | null>>;
