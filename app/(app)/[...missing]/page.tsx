import { notFound } from "next/navigation";

// Any address no page answers, for a signed-in person: the 404 page inside the app, with the
// navigation to get back, and a real 404 status.
export default function MissingPage() {
  notFound();
}
