import type { Role } from "../../lib/core/roles";

export const DEMO_PASSWORD = "leadgate-demo";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@leadgate.test", name: "Alex Admin", role: "ADMIN" },
  { email: "manager@leadgate.test", name: "Morgan Manager", role: "MANAGER" },
  { email: "marketer@leadgate.test", name: "Maya Marketer", role: "MARKETER" },
  { email: "sales@leadgate.test", name: "Sam Sales", role: "SALES" },
  { email: "sales2@leadgate.test", name: "Sasha Sales", role: "SALES" },
];

export const DISQUALIFICATION_REASONS = [
  { code: "no_budget", label: "No budget" },
  { code: "not_icp", label: "Outside our ideal customer profile" },
  { code: "competitor", label: "Competitor" },
  { code: "student", label: "Student or job seeker" },
  { code: "personal_email", label: "Personal e-mail, not a business" },
  { code: "duplicate", label: "Duplicate of another lead" },
  { code: "no_response", label: "No response after outreach" },
  { code: "spam", label: "Spam or fake details" },
] as const;
