import { LeadTableSkeleton } from "@/components/lead-table/lead-table-skeleton";

// In the (list) route group so it wraps the table alone: around /leads/[id] it would make an
// unknown lead stream a 200 before its 404.
export default function LeadsLoading() {
  return <LeadTableSkeleton />;
}
