import { API_SCOPES } from "@/lib/core/api-scopes";
import { apiRoute } from "@/lib/server/api/api-route";
import { apiJob } from "@/lib/server/api/job-resource";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const GET = apiRoute(API_SCOPES, async ({ params }) => Response.json({ job: apiJob(await getJob(params.id)) }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
