import "server-only";
import type { IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { RESPONSE_EXCERPT_CHARS } from "@/lib/core/webhooks";
import { publicOnlyLookup, webhookUrlProblem } from "./webhook-address";

/** How long one attempt may take, connection to last byte; past it the attempt failed. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export type AttemptResult = { statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null };

/** The Standard Webhooks headers of one attempt: its id, its moment and the signature over both and the body. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

/**
 * Sends one signed attempt and reports what came back. Never throws: a refused connection, a
 * blocked address or a timeout is a result without a status. Redirects are not followed: the
 * endpoint registered is the one that gets the data.
 */
export async function sendWebhook(target: { url: string; secret: string }, message: { id: string; body: string }, at: Date): Promise<AttemptResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(target.url);
  if (problem) return { statusCode: null, latencyMs: 0, responseExcerpt: null, error: problem };
  const url = new URL(target.url);
  const headers = {
    ...signedHeaders(target.secret, message.id, at, message.body),
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(message.body)),
    "user-agent": "Leadgate-Webhooks/1",
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(url, { method: "POST", headers, lookup: publicOnlyLookup, timeout: ATTEMPT_TIMEOUT_MS }, (response: IncomingMessage) => {
      let excerpt = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (excerpt.length < RESPONSE_EXCERPT_CHARS) excerpt += chunk.slice(0, RESPONSE_EXCERPT_CHARS - excerpt.length);
      });
      response.on("end", () => resolve({ statusCode: response.statusCode ?? null, latencyMs: latency(), responseExcerpt: excerpt || null, error: null }));
      response.on("error", (error) => resolve({ statusCode: response.statusCode ?? null, latencyMs: latency(), responseExcerpt: excerpt || null, error: error.message }));
    });
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`)), ATTEMPT_TIMEOUT_MS);
    request.on("close", () => clearTimeout(deadline));
    request.on("timeout", () => request.destroy(new Error(`No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => resolve({ statusCode: null, latencyMs: latency(), responseExcerpt: null, error: error.message }));
    request.end(message.body);
  });
}
