import { apiRoute } from "@/lib/server/api/api-route";
import { apiJob } from "@/lib/server/api/job-resource";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { activateModel } from "@/lib/server/scoring/models";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("scoring", async ({ params }) => {
  const { model, jobId } = await activateModel(params.id);
  return Response.json({ model, job: apiJob(await getJob(jobId)) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
