-- The field a bad import row's problem is in, as the import page names it; NULL for rows
-- reported before this column (and for problems with the whole row).
ALTER TABLE "ImportRowError" ADD COLUMN "field" TEXT;

-- The leads each import created or updated (or added events to), for the lead table's filter.
CREATE TABLE "ImportedLead" (
    "jobId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,

    PRIMARY KEY ("jobId", "leadId"),
    CONSTRAINT "ImportedLead_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BackgroundJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportedLead_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ImportedLead_leadId_idx" ON "ImportedLead"("leadId");
