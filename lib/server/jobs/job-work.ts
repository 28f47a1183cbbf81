import "server-only";
import type { JobKind } from "@/lib/views/jobs";
import type { JobWork } from "./background-jobs";
import { importWork } from "../ingest/csv-import";
import { trainingWork } from "../scoring/models";
import { rescoreWork } from "./rescore-job";

/** The work each kind of job does, wherever it is picked up (this instance or another). */
export const JOB_WORK: Record<JobKind, JobWork> = { rescore: rescoreWork, import: importWork, train: trainingWork };
