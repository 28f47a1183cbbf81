import "server-only";
import type { Prisma } from "./generated/prisma/client";

/** A lead's attributes, stage and scores: what both the lead page and the API show of it. */
export const leadProfileSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  title: true,
  seniority: true,
  phone: true,
  company: true,
  companySize: true,
  annualRevenue: true,
  industry: true,
  country: true,
  website: true,
  source: true,
  customFields: true,
  stage: true,
  stageEnteredAt: true,
  fitScore: true,
  engagementScore: true,
  totalScore: true,
  scoredAt: true,
  ruleSetVersion: true,
  probability: true,
  modelVersion: true,
  createdAt: true,
} satisfies Prisma.LeadSelect;
