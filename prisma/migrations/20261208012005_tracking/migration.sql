-- CreateTable
CREATE TABLE "WriteKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "origins" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "WriteKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Visitor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "writeKeyId" TEXT NOT NULL,
    "anonymousId" TEXT NOT NULL,
    "leadId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "identifiedAt" DATETIME,
    CONSTRAINT "Visitor_writeKeyId_fkey" FOREIGN KEY ("writeKeyId") REFERENCES "WriteKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Visitor_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitorEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "visitorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "properties" TEXT NOT NULL,
    CONSTRAINT "VisitorEvent_visitorId_fkey" FOREIGN KEY ("visitorId") REFERENCES "Visitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WriteKey_key_key" ON "WriteKey"("key");

-- CreateIndex
CREATE INDEX "Visitor_leadId_idx" ON "Visitor"("leadId");

-- CreateIndex
CREATE UNIQUE INDEX "Visitor_writeKeyId_anonymousId_key" ON "Visitor"("writeKeyId", "anonymousId");

-- CreateIndex
CREATE INDEX "VisitorEvent_visitorId_occurredAt_idx" ON "VisitorEvent"("visitorId", "occurredAt");
