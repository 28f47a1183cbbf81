-- Why sales rejects an MQL back to marketing, as a managed list like the disqualification
-- reasons. A reject transition records the code in "reasonCode" ("other" for Other, with the
-- text); rejections written before this list keep a null code and read as "Other: <text>".
CREATE TABLE "RejectReason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX "RejectReason_code_key" ON "RejectReason"("code");

-- The defaults every database starts with; admins and managers rename, reorder or deactivate them.
INSERT INTO "RejectReason" ("id", "code", "label", "sortOrder") VALUES
    (lower(hex(randomblob(12))), 'no_project', 'No current project or need', 0),
    (lower(hex(randomblob(12))), 'not_ready', 'Not ready to talk to sales yet', 1),
    (lower(hex(randomblob(12))), 'wrong_contact', 'Wrong contact: not involved in buying', 2),
    (lower(hex(randomblob(12))), 'unreachable', 'Could not reach them', 3),
    (lower(hex(randomblob(12))), 'bad_details', 'Contact or company details missing or wrong', 4),
    (lower(hex(randomblob(12))), 'already_with_sales', 'Already a customer or talking to sales', 5);
