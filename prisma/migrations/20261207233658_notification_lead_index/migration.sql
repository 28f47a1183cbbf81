-- CreateIndex
CREATE INDEX "Notification_leadId_idx" ON "Notification"("leadId");
