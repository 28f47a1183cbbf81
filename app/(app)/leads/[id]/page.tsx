import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssignmentHistory } from "@/components/leads/assignment-history";
import { describeEventType } from "@/components/leads/event-presentation";
import { LeadHeader } from "@/components/leads/lead-header";
import { LeadActivities } from "@/components/leads/lead-activities";
import { LeadStageActions } from "@/components/leads/lead-stage-actions";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { LogEventForm } from "@/components/leads/log-event-form";
import { ProfileCard } from "@/components/leads/profile-card";
import { ScoreCard } from "@/components/leads/score-card";
import { StageHistory } from "@/components/leads/stage-history";
import { backLinkFor } from "@/lib/core/back-link";
import { STANDARD_EVENT_TYPES } from "@/lib/core/events";
import { can } from "@/lib/core/permissions";
import { AppError } from "@/lib/server/errors";
import { asBoardCard, getLeadDetails, listLeadTimeline } from "@/lib/server/leads/lead-details";
import { NOTE_MAX_LENGTH } from "@/lib/server/leads/notes";
import { activeDisqualificationReasons, activeReasons, leadOwnerOptions } from "@/lib/server/settings/reference-data";
import { requirePermission, requireUser } from "@/lib/server/auth/require-user";
import { qualificationChecklist } from "@/lib/server/settings/workflow-settings";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const EVENT_TYPE_OPTIONS = STANDARD_EVENT_TYPES.map((type) => ({ value: type, label: describeEventType(type).label }));

// Shared by the metadata and the page within one request.
const loadLead = cache(async (id: string) => {
  try {
    return await getLeadDetails(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requireUser();
  const lead = await loadLead((await params).id);
  return { title: lead.profile.name };
}

export default async function LeadPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePermission("leads.view");
  const { id } = await params;
  const [lead, firstEntries, checklist, reps, reasons, rejectReasons] = await Promise.all([
    loadLead(id),
    listLeadTimeline(id),
    qualificationChecklist(),
    leadOwnerOptions(),
    activeDisqualificationReasons(),
    activeReasons("reject"),
  ]);
  const now = new Date().toISOString();
  const timelineTotal = lead.eventCount + lead.activities.length;

  return (
    <div className="pb-12">
      <LeadHeader
        lead={lead}
        now={now}
        back={backLinkFor((await searchParams).from)}
        actions={
          <LeadStageActions lead={asBoardCard(lead)} viewer={{ id: user.id, role: user.role }} reps={reps} reasons={reasons} rejectReasons={rejectReasons} checklist={checklist} />
        }
      />
      <div className="mx-auto grid max-w-7xl gap-6 px-4 pt-6 sm:px-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ScoreCard scores={lead.scores} explanation={lead.explanation} probability={lead.probability} now={now} />
          {can(user.role, "leads.logEvent") && <LogEventForm leadId={lead.id} eventTypes={EVENT_TYPE_OPTIONS} previousTotal={lead.scores.total} />}
          {/* A newly logged event or activity changes the count, which restarts the timeline at its newest page. */}
          <LeadTimeline key={timelineTotal} leadId={lead.id} firstPage={firstEntries} total={timelineTotal} now={now} />
        </div>
        <div className="min-w-0 space-y-6">
          <ProfileCard profile={lead.profile} />
          <LeadActivities leadId={lead.id} activities={lead.activities} canLog={can(user.role, "leads.logActivity")} maxLength={NOTE_MAX_LENGTH} now={now} />
          <StageHistory history={lead.history} checklist={checklist} createdAt={lead.createdAt} now={now} />
          <AssignmentHistory assignments={lead.assignments} now={now} />
        </div>
      </div>
    </div>
  );
}
